using Microsoft.AspNetCore.Builder;
using Rollcall.Configuration;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.Support;

/// <summary>The real `rollcall run` host on a fresh SQLite folder, with both bots on the Bot API emulator.</summary>
public sealed class RollcallTestHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private bool _ownsEmulator = true;
    private bool _stopped;

    private RollcallTestHost(BotApiEmulator emulator, EmulatedBot teacherBot, EmulatedBot studentBot, WebApplication app,
        string folder, int port, Dictionary<string, string?> settings)
    {
        Emulator = emulator;
        TeacherBot = teacherBot;
        StudentBot = studentBot;
        App = app;
        Folder = folder;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _settings = settings;
    }

    public BotApiEmulator Emulator { get; }

    public EmulatedBot TeacherBot { get; }

    public EmulatedBot StudentBot { get; }

    public WebApplication App { get; }

    public string Folder { get; }

    /// <summary>HTTP_LISTEN as a URL: health, readiness and metrics.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The SQLite file of this host (DATABASE_URL without the scheme).</summary>
    public string DatabasePath => Path.Combine(Folder, "rollcall.db");

    /// <summary>Starts a host on a new emulator, or on <paramref name="emulator"/> (which the caller keeps and disposes).</summary>
    public static async Task<RollcallTestHost> StartAsync(IDictionary<string, string?>? settings = null, BotApiEmulator? emulator = null)
    {
        var ownsEmulator = emulator is null;
        if (emulator is null)
        {
            emulator = new BotApiEmulator();
            await emulator.StartAsync(TestContext.Current.CancellationToken);
        }

        var teacher = emulator.Bot("8000001:test-teacher", "test_teacher_bot");
        var student = emulator.Bot("8000002:test-student", "test_student_bot");
        var folder = Directory.CreateTempSubdirectory("rollcall-host-").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["TEACHER_BOT_TOKEN"] = teacher.Token,
            ["STUDENT_BOT_TOKEN"] = student.Token,
            ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
            ["DATABASE_URL"] = "sqlite:" + Path.Combine(folder, "rollcall.db"),
            ["PHOTO_STORE"] = "folder:" + Path.Combine(folder, "photos"),
            ["LMS_MODE"] = "roster",
            ["LIVENESS_MIN_MOTION"] = FacesFixture.SyntheticNotesMinMotion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var host = await BuildAndStartAsync(emulator, teacher, student, folder, overrides);
        host._ownsEmulator = ownsEmulator;
        return host;
    }

    /// <summary>
    /// Stops this host (as a killed or redeployed process would stop) and starts a new one on the same folder, database,
    /// settings and Bot API emulator, so users and their chats carry over. The new host owns the emulator from then on.
    /// </summary>
    public async Task<RollcallTestHost> RestartAsync(IDictionary<string, string?>? changes = null)
    {
        await StopAsync();
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _ownsEmulator = false;
        return await BuildAndStartAsync(Emulator, TeacherBot, StudentBot, Folder, settings);
    }

    /// <summary>A second instance beside this one (scale-out): same emulator, folder and settings, its own HTTP port.</summary>
    public async Task<RollcallTestHost> StartSiblingAsync()
    {
        var sibling = await BuildAndStartAsync(Emulator, TeacherBot, StudentBot, Folder, new Dictionary<string, string?>(_settings));
        sibling._ownsEmulator = false;
        return sibling;
    }

    /// <summary>Stops and disposes the application but keeps the emulator: the bots go silent until a restart.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }

    private static async Task<RollcallTestHost> BuildAndStartAsync(BotApiEmulator emulator, EmulatedBot teacher, EmulatedBot student,
        string folder, Dictionary<string, string?> settings)
    {
        var port = LoopbackPort.Free();
        settings["HTTP_LISTEN"] = $"127.0.0.1:{port}";
        var configuration = StartupSettings.Load(TextWriter.Null, settings)
            ?? throw new InvalidOperationException("Test settings are invalid.");
        var app = RollcallHost.Build(configuration);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RollcallTestHost(emulator, teacher, student, app, folder, port, settings);
    }
}
