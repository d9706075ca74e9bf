using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Term;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Term;
using Rollcall.Term;

namespace Rollcall.Commands;

/// <summary>`rollcall export`: attendance over a span as CSV or xlsx, one row per student and one column per session.</summary>
internal static class ExportCommand
{
    public static void AddTo(RootCommand root)
    {
        var from = DateOption.Create("--from", "First local date to include (yyyy-MM-dd)", required: true);
        var to = DateOption.Create("--to", "Last local date to include (yyyy-MM-dd)", required: true);
        var batch = new Option<string?>("--batch") { Description = "Only this batch" };
        var subject = new Option<string?>("--subject") { Description = "Only this subject" };
        var format = new Option<ExportFormat>("--format") { Description = "csv (one batch and subject) or xlsx (a sheet per batch and subject)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The file to write (readable by its owner only: it holds students' names)", Required = true };
        var command = new Command("export", "Attendance over a span: a row per student, a column per session, attended, held and percentage.")
        {
            from, to, batch, subject, format, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var span = new DateSpan(result.GetValue(from)!.Value, result.GetValue(to)!.Value);
            if (!span.IsValid)
            {
                await Console.Error.WriteLineAsync($"rollcall: --from {span.From:yyyy-MM-dd} is after --to {span.To:yyyy-MM-dd}");
                return 2;
            }

            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var configuration = services.GetRequiredService<IConfiguration>();
            var rule = (configuration.Get<TermOptions>() ?? new TermOptions()).Rule;
            var clock = new LocalClock((configuration.Get<ClassroomOptions>() ?? new ClassroomOptions()).Zone);
            var file = await new TermFiles(new TermRecords(services.GetRequiredService<RollcallDatabase>()))
                .BuildAsync(span, result.GetValue(batch), result.GetValue(subject), result.GetValue(format), rule, clock, cancellationToken);
            switch (file)
            {
                case TermFile.Nothing:
                    await Console.Error.WriteLineAsync($"rollcall: no sessions {span} for that batch and subject; `rollcall sessions list` shows what was held");
                    return 1;
                case TermFile.SeveralClasses several:
                    await Console.Error.WriteLineAsync($"rollcall: {several.Classes.Count} batches and subjects match; CSV holds one, so pick it with --batch and --subject, or use --format xlsx (a sheet for each):");
                    foreach (var c in several.Classes)
                    {
                        await Console.Error.WriteLineAsync($"  --batch {c.Batch} --subject {c.Subject}\t{c.Sessions} sessions");
                    }

                    return 1;
                case TermFile.Ready ready:
                    var path = result.GetValue(output)!.FullName;
                    await WriteOwnerOnlyAsync(path, ready.Bytes, cancellationToken);
                    await AuditAsync(services, ready, span, result.GetValue(format), cancellationToken);
                    Console.WriteLine($"Wrote {path} ({ready.Bytes.Length:N0} bytes): {ready.Sheets.Count} batch/subject, {ready.Students} students, " +
                        $"{ready.Sheets.Sum(s => s.Sessions.Count)} sessions. It holds students' names and attendance: keep it where only staff can read it.");
                    return 0;
                default:
                    throw new InvalidOperationException(file.GetType().Name);
            }
        });
        root.Subcommands.Add(command);
    }

    /// <summary>Writes a file of personal data readable by its owner only (an export, an enrolment frame).</summary>
    internal static async Task WriteOwnerOnlyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A file that existed keeps its mode through FileMode.Create; an export is personal data either way.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task AuditAsync(IServiceProvider services, TermFile.Ready ready, DateSpan span, ExportFormat format, CancellationToken cancellationToken)
    {
        await using var db = services.GetRequiredService<RollcallDatabase>().CreateContext();
        var classes = string.Join(", ", ready.Sheets.Select(s => $"{s.Batch}/{s.Subject}"));
        classes = classes.Length <= 800 ? classes : $"{ready.Sheets.Count} batches and subjects";
        AuditTrail.Record(db, services.GetRequiredService<TimeProvider>().GetUtcNow(), AuditActor.Operator, AuditAction.Exported,
            detail: $"{format.ToString().ToLowerInvariant()} {span}: {classes}; {ready.Students} students");
        await db.SaveChangesAsync(cancellationToken);
    }
}
