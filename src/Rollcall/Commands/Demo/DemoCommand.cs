using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Configuration;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Classroom;
using Rollcall.Storage;
using Rollcall.Storage.Roster;
using Rollcall.Storage.Teachers;
using Spectre.Console;

namespace Rollcall.Commands.Demo;

/// <summary>
/// `rollcall demo`: both real bots on embedded defaults (SQLite, photo folder, built-in roster) against the Bot API
/// emulator, playing a scripted class from sign-in to the teacher's report.
/// </summary>
internal static class DemoCommand
{
    // The teacher closes the check-in with Close now; the code's lifetime only bounds a slow machine.
    private const int OtpSeconds = 120;
    private const int ReportDelaySeconds = 2;

    public static void AddTo(RootCommand root)
    {
        var command = new Command("demo", "Play a scripted class against the real bots on a local Telegram emulator (no tokens, LMS or database server needed).");
        command.SetAction((_, cancellationToken) => RunAsync(AnsiConsole.Console, cancellationToken));
        root.Subcommands.Add(command);
    }

    /// <summary>Plays the demo; <paramref name="settings"/> adds to the embedded defaults (a test's TIME_ZONE).</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (SampleData.Root is null)
        {
            await Console.Error.WriteLineAsync($"rollcall: the demo's class (samples/demo) was not found: run it from the repository, or set {SampleData.Variable}.");
            return 2;
        }

        var kit = SampleData.Demo;

        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("rollcall-demo-").FullName;
        await using var emulator = new BotApiEmulator();
        await emulator.StartAsync(cancellationToken);
        var teacherBot = emulator.AddBot("7000001:demo-teacher", "rollcall_teacher_bot");
        var studentBot = emulator.AddBot("7000002:demo-student", "rollcall_student_bot");
        var demoSettings = DemoSettings(folder, emulator, teacherBot, studentBot);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            demoSettings[key] = value;
        }

        var configuration = StartupSettings.Load(Console.Error, demoSettings);
        if (configuration is null)
        {
            return 2;
        }

        console.MarkupLine($"[bold]Rollcall demo[/]: both bots on a local Telegram emulator, data in [grey]{Markup.Escape(folder)}[/]");
        using var host = RollcallHost.Build(configuration);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        await console.Status().StartAsync("Starting the bots and enrolling the class…", async _ =>
        {
            await host.StartAsync(cancellationToken);
            await EnrolAsync(host.Services, kit, password, cancellationToken);
        });

        var transcript = new DemoTranscript(console);
        var zone = configuration["TIME_ZONE"] is { Length: > 0 } named ? named : "UTC";
        console.MarkupLine($"Times are shown in TIME_ZONE [bold]{Markup.Escape(zone)}[/].");
        var script = new ClassScript(teacherBot, studentBot, transcript.Write, TimeSpan.FromSeconds(30));
        var report = await new DemoClass(console, transcript, script, emulator).PlayAsync(kit, new TeacherPlan(DemoCast.TeacherPhone, DemoCast.TeacherUsername, password,
            [DemoCast.Batch], DemoCast.Subject, DemoCast.Latitude, DemoCast.Longitude), cancellationToken);
        console.WriteLine(System.Text.Encoding.UTF8.GetString(report.Csv));
        var chart = Path.Combine(folder, "report.png");
        await File.WriteAllBytesAsync(chart, report.Chart, cancellationToken);
        console.MarkupLine($"The report's chart is in [grey]{Markup.Escape(chart)}[/].");
        await host.StopAsync(cancellationToken);
        console.MarkupLine($"[green]Demo finished in {clock.Elapsed.TotalSeconds:0} s.[/]");
        return 0;
    }

    private static Dictionary<string, string?> DemoSettings(string folder, BotApiEmulator emulator, EmulatedBot teacher, EmulatedBot student) => new()
    {
        ["TEACHER_BOT_TOKEN"] = teacher.Token,
        ["STUDENT_BOT_TOKEN"] = student.Token,
        ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
        ["TELEGRAM_MODE"] = "polling",
        ["DATABASE_URL"] = "sqlite:" + Path.Combine(folder, "rollcall.db"),
        ["PHOTO_STORE"] = "folder:" + Path.Combine(folder, "photos"),
        ["LMS_MODE"] = "roster",
        ["HTTP_LISTEN"] = $"127.0.0.1:{LoopbackPort.Free()}",
        ["OTP_EXPIRY_SECONDS"] = OtpSeconds.ToString(CultureInfo.InvariantCulture),
        ["REPORT_DELAY_SECONDS"] = ReportDelaySeconds.ToString(CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task EnrolAsync(IServiceProvider services, string kit, string password, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<TeacherStore>().UpsertAsync(
            DemoCast.TeacherName, DemoCast.TeacherPhone, DemoCast.TeacherUsername, password, cancellationToken);
        var csv = string.Join('\n', DemoCast.Students.Select(s => $"{s.Id},{s.Name},{DemoCast.Batch},{DemoCast.Subject}"));
        await new RosterImport(services.GetRequiredService<RollcallDatabase>()).ImportAsync(new StringReader(csv), cancellationToken);
        var photos = services.GetRequiredService<Ports.IPhotoStore>();
        foreach (var s in DemoCast.Students)
        {
            var bytes = await File.ReadAllBytesAsync(DemoCast.Photo(kit, s), cancellationToken);
            await photos.SaveAsync(s.Id, bytes, cancellationToken);
        }
    }
}
