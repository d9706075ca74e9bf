using Rollcall.Commands.Check;
using Rollcall.IntegrationTests.Support;
using Rollcall.Secrets;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Lms;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;
using Spectre.Console;

namespace Rollcall.IntegrationTests.Check;

/// <summary>
/// A deployment for `rollcall check` to look at: both bots on the emulator, the LMS server, a SQLite database with the
/// sample LMS's teacher, and a photo folder with an ID photo for each of that teacher's six students.
/// </summary>
internal sealed class CheckBed : IAsyncDisposable
{
    public const string TeacherEmail = "teacher@example.edu";
    public static readonly string[] Students = ["ST-001", "ST-002", "ST-003", "ST-011", "ST-012", "ST-013"];

    private CheckBed(BotApiEmulator emulator, LmsServer lms, string folder)
    {
        Emulator = emulator;
        Lms = lms;
        Folder = folder;
        Settings = new Dictionary<string, string?>
        {
            ["TEACHER_BOT_TOKEN"] = "7100001:check-teacher-token",
            ["STUDENT_BOT_TOKEN"] = "7100002:check-student-token",
            ["TELEGRAM_API_BASE_URL"] = emulator.BaseUrl,
            ["DATABASE_URL"] = "sqlite:" + Path.Combine(folder, "rollcall.db"),
            ["ENCRYPTION_KEY"] = EncryptionKey.Generate(),
            ["PHOTO_STORE"] = "folder:" + PhotoFolder,
            ["BASE_URL"] = lms.BaseUrl,
            ["LMS_CAMPUS"] = LmsSeed.Sample.Campus,
            ["TIME_ZONE"] = "Asia/Kolkata",
            ["HTTP_TIMEOUT_SECONDS"] = "5",
        };
        TeacherBot = emulator.AddBot(Settings["TEACHER_BOT_TOKEN"]!, "check_teacher_bot");
        StudentBot = emulator.AddBot(Settings["STUDENT_BOT_TOKEN"]!, "check_student_bot");
    }

    public BotApiEmulator Emulator { get; }

    public EmulatedBot TeacherBot { get; }

    public EmulatedBot StudentBot { get; }

    public LmsServer Lms { get; }

    public string Folder { get; }

    public string PhotoFolder => Path.Combine(Folder, "photos");

    /// <summary>The deployment's settings; a test breaks one part by changing them.</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<CheckBed> StartAsync()
    {
        var emulator = new BotApiEmulator();
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(TestContext.Current.CancellationToken);
        var bed = new CheckBed(emulator, lms, Directory.CreateTempSubdirectory("rollcall-check-").FullName);
        Directory.CreateDirectory(bed.PhotoFolder);
        string[] photos = [TestFaces.Person01, TestFaces.Person02, TestFaces.Person03, TestFaces.Person01B, TestFaces.Person02B, TestFaces.Person05Frontal];
        for (var i = 0; i < Students.Length; i++)
        {
            File.Copy(photos[i], Path.Combine(bed.PhotoFolder, Students[i] + ".jpg"));
        }

        await bed.AddTeacherAsync(LmsSeed.Sample.Teachers[0].Password);
        return bed;
    }

    /// <summary>Registers the sample LMS's teacher with a stored (sealed) password, as after a sign-in in the bot.</summary>
    public async Task AddTeacherAsync(string password)
    {
        var database = new RollcallDatabase(DatabaseUrl.TryParse(Settings["DATABASE_URL"], out var url, out _) ? url : throw new InvalidOperationException());
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        var key = EncryptionKey.TryParse(Settings["ENCRYPTION_KEY"], out var bytes) ? bytes : throw new InvalidOperationException();
        await new TeacherStore(database, new SecretBox(key), TimeProvider.System)
            .UpsertAsync("Dr Check", "+91 98765 00001", TeacherEmail, password, TestContext.Current.CancellationToken);
    }

    /// <summary>Runs `rollcall check` on the settings; returns its exit code and everything it printed.</summary>
    public async Task<(int Exit, string Output)> CheckAsync(string? teacher = TeacherEmail)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        var error = new StringWriter();
        var exit = await CheckCommand.RunAsync(console, error, teacher, 20, Settings, TestContext.Current.CancellationToken);
        var text = output + error.ToString();
        foreach (var secret in new[] { "TEACHER_BOT_TOKEN", "STUDENT_BOT_TOKEN", "ENCRYPTION_KEY" })
        {
            Assert.DoesNotContain(Settings[secret]!, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(LmsSeed.Sample.Teachers[0].Password, text, StringComparison.Ordinal);
        return (exit, text);
    }

    public async ValueTask DisposeAsync()
    {
        await Lms.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
