using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Lms;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Roster;
using Rollcall.Storage.Teachers;
using Rollcall.Telegram.Updates;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>
/// Both real bots (AddBots) polling the Bot API emulator, on a fresh SQLite file, with the built-in roster as LMS and a
/// face verifier and enrolment examiner that answer what the test says, and ID photos in a temporary folder. One teacher (phone +91 98765 43210, rao / secret-pw), batches CS-A and CS-B
/// (Asha S-1 and Ben S-2 in CS-A, Chen S-3 in CS-B, all in Maths), and any more students a test adds. With an
/// <see cref="LmsServer"/> the LMS is that server over HTTP (LMS_MODE=http) with the outbox relay, and the teacher signs in
/// with its credentials.
/// </summary>
internal sealed class BotsHost : IAsyncDisposable
{
    public const string TeacherPhone = "+91 98765 43210";
    public const string Username = "rao";
    public const string Password = "secret-pw";
    public const string WebhookSecret = "webhook-secret-0123456789-abcdefghij";

    private IHost? _host;

    private BotsHost(BotApiEmulator emulator, RollcallDatabase database)
    {
        Emulator = emulator;
        Database = database;
        TeacherBot = emulator.AddBot("1111:teacher-secret", "rollcall_teacher_bot");
        StudentBot = emulator.AddBot("2222:student-secret", "rollcall_student_bot");
    }

    public BotApiEmulator Emulator { get; }

    public RollcallDatabase Database { get; }

    public EmulatedBot TeacherBot { get; }

    public EmulatedBot StudentBot { get; }

    public ScriptedFaces Faces { get; } = new();

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every log line, when started with captureLogs.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    private System.Threading.Channels.Channel<string> LogLines { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>();

    /// <summary>The next log line with one of <paramref name="eventIds"/> (captureLogs), within <paramref name="timeout"/> in all.</summary>
    public async Task<string> NextLogAsync(TimeSpan timeout, params int[] eventIds)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var line = await LogLines.Reader.ReadAsync(limit.Token);
                if (eventIds.Any(id => line.StartsWith($"{id} ", StringComparison.Ordinal)))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No log line {string.Join(" or ", eventIds)} within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private void Log(string line)
    {
        Logs.Enqueue(line);
        LogLines.Writer.TryWrite(line);
    }

    public ScriptedEnrolmentFaces EnrolmentFaces { get; } = new();

    /// <summary>PHOTO_STORE, a folder of its own.</summary>
    public string PhotoFolder { get; } = Directory.CreateTempSubdirectory("rollcall-bots-photos-").FullName;

    public IPhotoStore Photos => _host!.Services.GetRequiredService<IPhotoStore>();

    /// <summary>
    /// Starts the bots polling, or with <paramref name="webhookPort"/> receiving webhooks on that loopback port;
    /// <paramref name="settings"/> adds or overrides settings; <paramref name="beforeStart"/> runs before the bots start
    /// (e.g. to make their first Bot API calls fail).
    /// </summary>
    public static async Task<BotsHost> StartAsync(int otpSeconds = 120, int reportDelaySeconds = 15, int? webhookPort = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool captureLogs = false, Action<BotsHost>? beforeStart = null,
        IReadOnlyList<RosterEntry>? moreStudents = null, LmsServer? lms = null)
    {
        var emulator = new BotApiEmulator();
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        var bots = new BotsHost(emulator, await TestDatabases.CreateSqliteAsync());
        var all = new Dictionary<string, string?>
        {
            ["TEACHER_BOT_TOKEN"] = bots.TeacherBot.Token,
            ["STUDENT_BOT_TOKEN"] = bots.StudentBot.Token,
            ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
            ["OTP_EXPIRY_SECONDS"] = otpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["REPORT_DELAY_SECONDS"] = reportDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VERIFY_WORKERS"] = "1",
            ["PHOTO_STORE"] = "folder:" + bots.PhotoFolder,
        };
        if (webhookPort is { } port)
        {
            all["TELEGRAM_MODE"] = "webhook";
            all["WEBHOOK_URL"] = $"http://127.0.0.1:{port}/telegram";
            all["WEBHOOK_SECRET"] = WebhookSecret;
        }

        if (lms is not null)
        {
            (all["LMS_MODE"], all["BASE_URL"], all["LMS_CAMPUS"]) = ("http", lms.BaseUrl, lms.Seed.Campus);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, webhookPort ?? 0));
        builder.Logging.ClearProviders();
        if (captureLogs)
        {
            // Everything, down to Trace, except EF Core's SQL: the point is what the bots and their HTTP clients write.
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
                .AddProvider(new ListLoggerProvider(bots.Log));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(bots.Database);
        builder.Services.AddSingleton(new SecretBox(RandomNumberGenerator.GetBytes(32)));
        builder.Services.AddSingleton(new ReceiptSigner(RandomNumberGenerator.GetBytes(32)));
        builder.Services.AddSingleton<TeacherStore>();
        if (lms is null)
        {
            builder.Services.AddSingleton<ILmsGateway, RosterGateway>();
        }
        else
        {
            // The LMS over HTTP, as `rollcall run` has it, and the outbox relay that delivers marks to it.
            builder.Services.AddSingleton<ILmsTokenStore>(sp => sp.GetRequiredService<TeacherStore>());
            builder.Services.AddSingleton<Rollcall.Observability.RollcallMetrics>();
            builder.Services.AddLms(configuration);
            builder.Services.AddOutboxRelay();
        }

        builder.Services.AddSingleton<IFaceVerifier>(bots.Faces);
        builder.Services.AddSingleton<IEnrolmentFaces>(bots.EnrolmentFaces);
        builder.Services.AddPhotoStore(configuration);
        builder.Services.AddBots(configuration);
        var app = builder.Build();
        app.MapBotWebhooks();
        bots._host = app;

        await bots._host.Services.GetRequiredService<TeacherStore>()
            .UpsertAsync("Dr Rao", TeacherPhone, lms is null ? Username : null, lms is null ? Password : null, TestContext.Current.CancellationToken);
        await using (var db = bots.Database.CreateContext())
        {
            db.Roster.AddRange(
                new RosterEntry { StudentId = "S-1", Name = "Asha", Batch = "CS-A", Subject = "Maths" },
                new RosterEntry { StudentId = "S-2", Name = "Ben", Batch = "CS-A", Subject = "Maths" },
                new RosterEntry { StudentId = "S-3", Name = "Chen", Batch = "CS-B", Subject = "Maths" });
            db.Roster.AddRange(moreStudents ?? []);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        beforeStart?.Invoke(bots);
        await bots._host.StartAsync(TestContext.Current.CancellationToken);
        return bots;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        await Emulator.DisposeAsync();
        Directory.Delete(PhotoFolder, recursive: true);
    }
}

/// <summary>
/// An enrolment examiner that takes any note as a usable face (a small JPEG and the embedding <see cref="Face"/>), and finds
/// the enrolled face of <see cref="Owner"/> when one is set.
/// </summary>
internal sealed class ScriptedEnrolmentFaces : IEnrolmentFaces
{
    /// <summary>A 16 x 16 grey JPEG: the frame the teacher sees and the photo stored.</summary>
    public static readonly byte[] Frame = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgEBAQEBAUFBQUFBQYGBgYGBgYGBgYGBgYHBwcICAgHBwcGBgcHCAgICAkJCQgICAgJCQoKCgwMCwsODg4RERT/xABKAAEAAAAAAAAAAAAAAAAAAAAAAQEAAAAAAAAAAAAAAAAAAAAAEAEAAAAAAAAAAAAAAAAAAAAAEQEAAAAAAAAAAAAAAAAAAAAA/8AAEQgAEAAQAwEiAAIRAAMRAP/aAAwDAQACEQMRAD8AAA//2Q==");

    public float[] Face { get; set; } = [1, 0, 0];

    public LookAlike? Owner { get; set; }

    public Task<EnrolmentSample> ExamineAsync(ReadOnlyMemory<byte> video, ChallengeKind challenge, CancellationToken cancellationToken) =>
        Task.FromResult(new EnrolmentSample(null, Frame, Face, 70));

    public Task<LookAlike?> ClosestEnrolledAsync(float[] embedding, string studentId, CancellationToken cancellationToken) =>
        Task.FromResult(Owner is { } owner && owner.StudentId != studentId ? owner : null);
}

/// <summary>A face verifier that answers with <see cref="Next"/> and remembers the videos it saw; a check can be held.</summary>
internal sealed class ScriptedFaces : IFaceVerifier
{
    private TaskCompletionSource? _entered;
    private TaskCompletionSource? _release;

    public FaceCheck Next { get; set; } = new FaceCheck.Match(91.5, 0.95, 12, 70);

    /// <summary>When set, thrown once instead of answering: the engine's own failure.</summary>
    public Exception? Fault { get; set; }

    /// <summary>When set, thrown on every check: a note the engine fails on each time it is tried.</summary>
    public Exception? Poison { get; set; }

    public List<FaceCheckRequest> Seen { get; } = [];

    /// <summary>Holds the next check until the returned release is called; the task completes once that check has begun.</summary>
    public (Task Entered, Action Release) HoldNextCheck()
    {
        var entered = _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (entered.Task, () => release.TrySetResult());
    }

    public async Task<FaceCheck> VerifyAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        Exception? fault;
        lock (Seen)
        {
            Seen.Add(request);
            (fault, Fault) = (Fault ?? Poison, null);
        }

        if (fault is not null)
        {
            throw fault;
        }

        var release = Interlocked.Exchange(ref _release, null);
        if (release is not null)
        {
            Interlocked.Exchange(ref _entered, null)?.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
        }

        return Next;
    }
}
