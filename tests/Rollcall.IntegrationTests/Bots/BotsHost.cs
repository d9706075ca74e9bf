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
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Simulation.BotApi;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Roster;
using Rollcall.Storage.Teachers;
using Rollcall.Telegram.Updates;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>
/// Both real bots (AddBots) polling the Bot API emulator, on a fresh SQLite file, with the built-in roster as LMS and a
/// face verifier and enrolment examiner that answer what the test says, and ID photos in a temporary folder. One teacher
/// (phone +91 98765 43210, rao / secret-pw), batches CS-A and CS-B.
/// </summary>
internal sealed class BotsHost : IAsyncDisposable
{
    public const string TeacherPhone = "+91 98765 43210";
    public const string Username = "rao";
    public const string Password = "secret-pw";
    public const string WebhookSecret = "webhook-secret-0123456789";

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

    public ScriptedEnrolmentFaces EnrolmentFaces { get; } = new();

    /// <summary>PHOTO_STORE, a folder of its own.</summary>
    public string PhotoFolder { get; } = Directory.CreateTempSubdirectory("rollcall-bots-photos-").FullName;

    public IPhotoStore Photos => _host!.Services.GetRequiredService<IPhotoStore>();

    /// <summary>
    /// Starts the bots polling, or with <paramref name="webhookPort"/> receiving webhooks on that loopback port;
    /// <paramref name="settings"/> adds or overrides settings.
    /// </summary>
    public static async Task<BotsHost> StartAsync(int otpSeconds = 120, int reportDelaySeconds = 15, int? webhookPort = null,
        IReadOnlyDictionary<string, string?>? settings = null)
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

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, webhookPort ?? 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(bots.Database);
        builder.Services.AddSingleton(new SecretBox(RandomNumberGenerator.GetBytes(32)));
        builder.Services.AddSingleton(new ReceiptSigner(RandomNumberGenerator.GetBytes(32)));
        builder.Services.AddSingleton<TeacherStore>();
        builder.Services.AddSingleton<ILmsGateway, RosterGateway>();
        builder.Services.AddSingleton<IFaceVerifier>(bots.Faces);
        builder.Services.AddSingleton<IEnrolmentFaces>(bots.EnrolmentFaces);
        builder.Services.AddPhotoStore(configuration);
        builder.Services.AddBots(configuration);
        var app = builder.Build();
        app.MapBotWebhooks();
        bots._host = app;

        await bots._host.Services.GetRequiredService<TeacherStore>()
            .UpsertAsync("Dr Rao", TeacherPhone, Username, Password, TestContext.Current.CancellationToken);
        await using (var db = bots.Database.CreateContext())
        {
            db.Roster.AddRange(
                new RosterEntry { StudentId = "S-1", Name = "Asha", Batch = "CS-A", Subject = "Maths" },
                new RosterEntry { StudentId = "S-2", Name = "Ben", Batch = "CS-A", Subject = "Maths" },
                new RosterEntry { StudentId = "S-3", Name = "Chen", Batch = "CS-B", Subject = "Maths" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

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

/// <summary>A face verifier that answers with <see cref="Next"/> and remembers the videos it saw.</summary>
internal sealed class ScriptedFaces : IFaceVerifier
{
    public FaceCheck Next { get; set; } = new FaceCheck.Match(91.5, 0.95, 12, 70);

    /// <summary>When set, thrown once instead of answering: the engine's own failure.</summary>
    public Exception? Fault { get; set; }

    public List<FaceCheckRequest> Seen { get; } = [];

    public Task<FaceCheck> VerifyAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        Exception? fault;
        lock (Seen)
        {
            Seen.Add(request);
            (fault, Fault) = (Fault, null);
        }

        return fault is not null ? Task.FromException<FaceCheck>(fault) : Task.FromResult(Next);
    }
}
