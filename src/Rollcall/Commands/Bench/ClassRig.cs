using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Configuration;
using Rollcall.Faces.Onnx;
using Rollcall.Secrets;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Classroom;
using Rollcall.Simulation.Clips;
using Rollcall.Simulation.Lms;
using Rollcall.Simulation.Load;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.Commands.Bench;

/// <summary>
/// The class bench's world: the Bot API emulator with both bots, a fake LMS holding the roster, and the real host
/// (`RollcallHost.Build`) on its own database, which can be stopped and started again on the same data.
/// The bench command and the load and fault tests drive it.
/// </summary>
internal sealed partial class ClassRig : IAsyncDisposable
{
    private const string TeacherToken = "7100001:load-teacher";
    private const string StudentToken = "7100002:load-student";
    private readonly string _folder;
    private readonly IConfigurationRoot _configuration;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _faces;
    private byte[][][] _clips = [];

    private ClassRig(ClassBenchOptions options, string faces, string folder, (BotApiEmulator Emulator, EmulatedBot Teacher, EmulatedBot Student) telegram,
        LmsServer lms, (IConfigurationRoot Root, Dictionary<string, string?> Settings) configuration, DatabaseUrl url)
    {
        Options = options;
        _faces = faces;
        _folder = folder;
        Emulator = telegram.Emulator;
        Lms = lms;
        _configuration = configuration.Root;
        _settings = configuration.Settings;
        Database = new RollcallDatabase(url);
        TeacherBot = telegram.Teacher;
        StudentBot = telegram.Student;
    }

    public ClassBenchOptions Options { get; }

    public LoadRoster Roster { get; private init; } = null!;

    public string Password { get; private init; } = "";

    public BotApiEmulator Emulator { get; }

    public EmulatedBot TeacherBot { get; }

    public EmulatedBot StudentBot { get; }

    public LmsServer Lms { get; }

    /// <summary>The rig's own handle on the host's database, for counting; it outlives host restarts.</summary>
    public RollcallDatabase Database { get; }

    /// <summary>The host running now; null between <see cref="StopHostAsync"/> and <see cref="StartHostAsync"/>.</summary>
    public WebApplication? Host { get; private set; }

    public EmulatedUser? Teacher { get; private set; }

    /// <summary>Starts everything, enrols the roster's photos and makes the clip pool; null after printing why it cannot.</summary>
    public static async Task<ClassRig?> StartAsync(ClassBenchOptions options, string faces, TextWriter error, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rollcall-bench-class-").FullName;
        var people = Math.Clamp(options.People, 1, ClassCast.People.Length);
        var roster = LoadRoster.Create(options.Students, people);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var lms = new LmsServer(roster.Seed(ClassCast.TeacherEmail, password, ClassCast.MentorId, ClassCast.Campus), new LmsServerOptions
        {
            Latency = options.LmsLatency,
            FailureProbability = options.LmsErrorRate,
        });
        await lms.StartAsync(cancellationToken);
        var emulator = new BotApiEmulator();
        await emulator.StartAsync(cancellationToken);
        var teacherBot = emulator.AddBot(TeacherToken, "rollcall_teacher_bot");
        var studentBot = emulator.AddBot(StudentToken, "rollcall_student_bot");

        var databaseUrl = options.DatabaseUrl ?? "sqlite:" + Path.Combine(folder, "rollcall.db");
        var settings = Settings(options, folder, databaseUrl, emulator, lms);
        var configuration = StartupSettings.Load(error, settings);
        if (configuration is null || !DatabaseUrl.TryParse(databaseUrl, out var url, out _))
        {
            await emulator.DisposeAsync();
            await lms.DisposeAsync();
            return null;
        }

        var rig = new ClassRig(options, faces, folder, (emulator, teacherBot, studentBot), lms, (configuration, settings), url) { Roster = roster, Password = password };
        await rig.StartHostAsync(cancellationToken);
        await rig.EnrolAsync(people, cancellationToken);
        return rig;
    }

    /// <summary>Builds and starts a new host on the same settings and database, as a restarted process would.</summary>
    public async Task StartHostAsync(CancellationToken cancellationToken)
    {
        if (Host is not null)
        {
            throw new InvalidOperationException("The host is running.");
        }

        var host = RollcallHost.Build(_configuration);
        await host.StartAsync(cancellationToken);
        Host = host;
    }

    /// <summary>Stops the host: its pollers, workers and relay end mid-work, as close to a crash as one process allows.</summary>
    public async Task StopHostAsync(TimeSpan grace)
    {
        if (Host is { } host)
        {
            Host = null;
            using var cts = new CancellationTokenSource(grace);
            await host.StopAsync(cts.Token);
            await host.DisposeAsync();
        }
    }

    /// <summary>Signs the teacher in, picks every batch and the subject, shares the location; returns the class code.</summary>
    public async Task<string> OpenSessionAsync(CancellationToken cancellationToken)
    {
        Teacher = Emulator.CreateUser(ClassCast.TeacherName);
        var script = new ClassScript(TeacherBot, StudentBot, _ => { }, Options.ReplyTimeout);
        return await script.OpenSessionAsync(Teacher, new TeacherPlan(ClassCast.TeacherPhone, ClassCast.TeacherEmail, Password,
            Roster.Batches, Roster.Subject, ClassCast.Latitude, ClassCast.Longitude), cancellationToken);
    }

    /// <summary>Plays the students' check-ins, started evenly over the ramp; <paramref name="done"/> hears each result.</summary>
    public async Task<IReadOnlyList<CheckInResult>> CheckInAsync(
        IReadOnlyList<LoadStudent> students, string otp, TimeSpan ramp, Action<CheckInResult>? done, CancellationToken cancellationToken)
    {
        var run = new CheckInRun(StudentBot, Options.ReplyTimeout, Options.ResultTimeout);
        var started = TimeProvider.System.GetTimestamp();
        var results = await Task.WhenAll(students.Select(async (student, i) =>
        {
            var due = students.Count <= 1 ? TimeSpan.Zero : ramp * i / (students.Count - 1);
            var wait = due - TimeProvider.System.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var user = Emulator.CreateUser(student.Name);
            var clips = _clips[student.Person];
            var result = await run.PlayAsync(user, student.StudentId, otp, ClassCast.InRoom, clips[i % clips.Length], cancellationToken);
            done?.Invoke(result);
            return result;
        }));
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync(TimeSpan.FromSeconds(10));
        await KillHostProcessAsync();
        await Emulator.DisposeAsync();
        await Lms.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }

    private async Task EnrolAsync(int people, CancellationToken cancellationToken)
    {
        var services = Host!.Services;
        await services.GetRequiredService<TeacherStore>().UpsertAsync(
            ClassCast.TeacherName, ClassCast.TeacherPhone, ClassCast.TeacherEmail, Password, cancellationToken);
        var photos = services.GetRequiredService<Ports.IPhotoStore>();
        var bytes = new byte[people][];
        if (Options.RealNotes)
        {
            (bytes, _clips) = await ClassCast.RealNotesAsync(Directory.CreateDirectory(Path.Combine(_folder, "notes")).FullName, people, Math.Max(1, Options.ClipsPerPerson), cancellationToken);
        }

        for (var p = 0; p < people && !Options.RealNotes; p++)
        {
            bytes[p] = await File.ReadAllBytesAsync(ClassCast.EnrolledPhoto(_faces, p), cancellationToken);
        }

        foreach (var student in Roster.Students)
        {
            await photos.SaveAsync(student.StudentId, bytes[student.Person], cancellationToken);
        }

        if (!Options.RealNotes)
        {
            _clips = ClassCast.Clips(new SyntheticClips(services.GetRequiredService<FaceEngine>()), _faces, people, Math.Max(1, Options.ClipsPerPerson));
        }
    }

    private static Dictionary<string, string?> Settings(ClassBenchOptions options, string folder, string databaseUrl, BotApiEmulator emulator, LmsServer lms)
    {
        var c = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string?>
        {
            ["TEACHER_BOT_TOKEN"] = TeacherToken,
            ["STUDENT_BOT_TOKEN"] = StudentToken,
            ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
            ["TELEGRAM_MODE"] = "polling",
            ["DATABASE_URL"] = databaseUrl,
            ["ENCRYPTION_KEY"] = EncryptionKey.Generate(),
            ["PHOTO_STORE"] = "folder:" + Path.Combine(folder, "photos"),
            ["LMS_MODE"] = "http",
            ["BASE_URL"] = lms.BaseUrl,
            ["LMS_CAMPUS"] = ClassCast.Campus,
            ["HTTP_LISTEN"] = $"127.0.0.1:{LoopbackPort.Free()}",
            ["OTP_EXPIRY_SECONDS"] = options.OtpSeconds.ToString(c),
            ["REPORT_DELAY_SECONDS"] = options.ReportDelaySeconds.ToString(c),
            ["VERIFY_QUEUE_CAPACITY"] = Math.Max(1000, options.Students * 2).ToString(c),

            // The simulated class gives the 13 people of shared/faces to hundreds of IDs: to this check they are all one face, many IDs.
            ["DUPLICATE_FACE_CHECK"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        if (!options.RealNotes)
        {
            settings["LIVENESS_MIN_MOTION"] = SyntheticClips.MinMotion.ToString(c);
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
