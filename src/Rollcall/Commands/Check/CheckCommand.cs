using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Configuration;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Photos;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Storage;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Updates;
using Spectre.Console;

namespace Rollcall.Commands.Check;

/// <summary>
/// `rollcall check`: with the real configuration, checks every part a class needs and prints one table; exits 1 when a part
/// is broken. It reads and asks, and changes nothing but what a real sign-in stores (the teacher's fresh LMS tokens).
/// </summary>
internal static class CheckCommand
{
    public static void AddTo(RootCommand root)
    {
        var teacher = new Option<string?>("--teacher") { Description = "Also sign in to the LMS as the teacher with this LMS email (the stored password, or typed) and list their batches." };
        var photos = new Option<int>("--photos") { Description = "How many ID photos to decode and check for one usable face.", DefaultValueFactory = _ => 20 };
        var command = new Command("check", "Check the bots, webhook, database, encryption key, LMS, ID photos, face models and time before going live.") { teacher, photos };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(AnsiConsole.Console, Console.Error, parse.GetValue(teacher), parse.GetValue(photos), null, cancellationToken));
        root.Subcommands.Add(command);
    }

    public static async Task<int> RunAsync(
        IAnsiConsole console, TextWriter error, string? teacherEmail, int photoSample, IDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        var configuration = StartupSettings.Load(error, overrides);
        if (configuration is null)
        {
            return 2;
        }

        var hosting = configuration.Get<HostingOptions>() ?? new HostingOptions();
        var bots = configuration.Get<BotOptions>() ?? new BotOptions();
        var storage = configuration.Get<StorageOptions>() ?? new StorageOptions();
        var faces = configuration.Get<FaceOptions>() ?? new FaceOptions();
        var photoStore = configuration.Get<PhotoStoreOptions>() ?? new PhotoStoreOptions();
        var classroom = configuration.Get<ClassroomOptions>() ?? new ClassroomOptions();
        await using var services = Services(configuration);
        var time = TimeProvider.System;

        var rows = new List<CheckRow>();
        rows.AddRange(await GuardAsync("Telegram bots", () => BotCheck.RunAsync(bots, configuration["TELEGRAM_MODE"] is not null, cancellationToken)));
        var database = await GuardAsync("Database", () => DatabaseCheck.RunAsync(services, storage, time, cancellationToken));
        rows.AddRange(database);
        IReadOnlySet<string>? students = null;
        rows.AddRange(await GuardAsync("LMS", async () =>
        {
            var lms = await LmsCheck.RunAsync(services, database[0].Status == CheckStatus.Ok, hosting.EffectiveLmsMode, hosting.LmsBaseUrl,
                TimeSpan.FromSeconds(bots.HttpTimeoutSeconds), teacherEmail, email => AskPassword(console, email), cancellationToken);
            students = lms.Students;
            return lms.Rows;
        }));

        var models = await FaceModelsCheck.RunAsync(faces, cancellationToken);
        rows.Add(models);
        using var engine = models.Status == CheckStatus.Ok ? new FaceEngine(FaceEngine.FindModelsDirectory(faces.ModelsDirectory)!, 1) : null;
        var where = photoStore.IsS3 ? $"s3://{photoStore.Bucket}/{photoStore.Prefix}" : Path.GetFullPath(photoStore.Folder);
        rows.AddRange(await GuardAsync("ID photos", () =>
            PhotoCheck.RunAsync(services.GetRequiredService<IPhotoStore>(), where, engine, faces.MinFacePixels, photoSample, students, cancellationToken)));
        rows.Add(TimeZoneCheck.Run(classroom.Zone, time));

        CheckTable.Write(console, rows, Secrets(configuration));
        return rows.Any(r => r.Status == CheckStatus.Failed) ? 1 : 0;
    }

    /// <summary>A part that breaks in a way no check foresaw is a failed row, not a crash of the whole check.</summary>
    private static async Task<IReadOnlyList<CheckRow>> GuardAsync(string part, Func<Task<IReadOnlyList<CheckRow>>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [CheckRow.Failed(part, $"{e.GetType().Name}: {e.Message}", "fix what the message names, then run `rollcall check` again")];
        }
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddStorage(configuration)
            .AddPhotoStore(configuration)
            .AddLms(configuration)
            .BuildServiceProvider();

    private static string? AskPassword(IAnsiConsole console, string email) =>
        console.Profile.Capabilities.Interactive
            ? console.Prompt(new TextPrompt<string>($"LMS password of {Markup.Escape(email)}:").Secret().AllowEmpty())
            : null;

    /// <summary>Every configured secret: none of them may appear in the table, whatever an error message says.</summary>
    private static IReadOnlyList<string> Secrets(IConfiguration configuration)
    {
        string?[] values =
        [
            configuration["TEACHER_BOT_TOKEN"], configuration["STUDENT_BOT_TOKEN"], configuration["ENCRYPTION_KEY"],
            configuration["WEBHOOK_SECRET"], configuration["AWS_SECRET_ACCESS_KEY"],
        ];
        var database = configuration["DATABASE_URL"];
        var password = database is not null && DatabaseUrl.TryParse(database, out var url, out _) && url.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(url.ConnectionString).Password
            : null;
        return [.. values.Append(password).OfType<string>().Where(v => v.Length >= 4)];
    }
}
