using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.Audit;
using Rollcall.Telegram.Classroom;

namespace Rollcall.Commands;

/// <summary>`rollcall audit`: the audit trail, in the institute's local time.</summary>
internal static class AuditCommand
{
    public static void AddTo(RootCommand root)
    {
        var session = new Option<Guid?>("--session") { Description = "Only this session (an id from `rollcall sessions list`)" };
        var student = new Option<string?>("--student") { Description = "Only this student ID" };
        var from = DateOption.Create("--from", "From this local date on (yyyy-MM-dd)");
        var limit = new Option<int>("--limit") { Description = "At most this many entries, the newest", DefaultValueFactory = _ => 1000 };
        var command = new Command("audit", "Print the audit trail (who decided what, when) in TIME_ZONE, oldest first.") { session, student, from, limit };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var configuration = services.GetRequiredService<IConfiguration>();
            var clock = new LocalClock((configuration.Get<ClassroomOptions>() ?? new ClassroomOptions()).Zone);
            var studentId = result.GetValue(student) is { } id ? Attendance.StudentId.Normalize(id) : null;
            var filter = new AuditFilter(result.GetValue(session), studentId,
                result.GetValue(from) is { } date ? clock.StartOf(date) : null, Math.Max(1, result.GetValue(limit)));
            var page = await AuditQuery.ReadAsync(services.GetRequiredService<RollcallDatabase>(), filter, cancellationToken);
            if (page.Earlier > 0)
            {
                Console.WriteLine($"# {page.Earlier} earlier entries not shown; narrow with --from, --session or --student, or raise --limit");
            }

            Console.WriteLine("time\tactor\taction\tsession\tstudent\tdetail");
            foreach (var e in page.Entries)
            {
                Console.WriteLine($"{clock.Stamp(e.At)}\t{e.Actor}\t{e.Action}\t{e.SessionId}\t{e.StudentId}\t{OneLine(e.Detail)}");
            }

            return 0;
        });
        root.Subcommands.Add(command);
    }

    // A detail is free text: keep each entry on its own line.
    private static string OneLine(string? detail) => detail?.ReplaceLineEndings(" ").Replace('\t', ' ') ?? "";
}
