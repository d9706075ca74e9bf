using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Rollcall.Configuration;
using Rollcall.Simulation.BotApi;

namespace Rollcall.IntegrationTests.Support;

/// <summary>The real `rollcall run` host on a fresh SQLite folder, with both bots on the Bot API emulator.</summary>
public sealed class RollcallTestHost : IAsyncDisposable
{
    private RollcallTestHost(BotApiEmulator emulator, WebApplication app, string folder, int port)
    {
        Emulator = emulator;
        App = app;
        Folder = folder;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public BotApiEmulator Emulator { get; }

    public WebApplication App { get; }

    public string Folder { get; }

    /// <summary>HTTP_LISTEN as a URL: health, readiness and metrics.</summary>
    public Uri BaseUrl { get; }

    public static async Task<RollcallTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var emulator = new BotApiEmulator();
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        var teacher = emulator.AddBot("8000001:test-teacher", "test_teacher_bot");
        var student = emulator.AddBot("8000002:test-student", "test_student_bot");
        var folder = Directory.CreateTempSubdirectory("rollcall-host-").FullName;
        var port = FreePort();
        var overrides = new Dictionary<string, string?>
        {
            ["TEACHER_BOT_TOKEN"] = teacher.Token,
            ["STUDENT_BOT_TOKEN"] = student.Token,
            ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
            ["DATABASE_URL"] = "sqlite:" + Path.Combine(folder, "rollcall.db"),
            ["PHOTO_STORE"] = "folder:" + Path.Combine(folder, "photos"),
            ["LMS_MODE"] = "roster",
            ["HTTP_LISTEN"] = $"127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var configuration = StartupSettings.Load(TextWriter.Null, overrides)
            ?? throw new InvalidOperationException("Test settings are invalid.");
        var app = RollcallHost.Build(configuration);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RollcallTestHost(emulator, app, folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
