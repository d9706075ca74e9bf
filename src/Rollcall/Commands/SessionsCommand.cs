using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Reports;
using Rollcall.Telegram.Texts;

namespace Rollcall.Commands;

/// <summary>`rollcall sessions list` and `rollcall report SESSION --csv FILE`: what the operator can see of past classes.</summary>
internal static class SessionsCommand
{
    public static void AddTo(RootCommand root)
    {
        var last = new Option<int>("--last") { Description = "How many recent sessions to list", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "List recent attendance sessions with their present counts.") { last };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            await using var db = services.GetRequiredService<RollcallDatabase>().CreateContext();
            var sessions = await db.Sessions.AsNoTracking().Include(s => s.Batches)
                .OrderByDescending(s => s.CreatedAt).Take(Math.Max(1, result.GetValue(last)))
                .Select(s => new
                {
                    s.Id,
                    s.Date,
                    s.Subject,
                    s.CreatedAt,
                    s.ReportSentAt,
                    Batches = s.Batches.Select(b => b.Batch).ToList(),
                    Students = s.Students.Count,
                    Present = db.Marks.Count(m => m.SessionId == s.Id && m.Status == MarkStatus.Present),
                })
                .ToListAsync(cancellationToken);
            Console.WriteLine("session\tdate\tsubject\tbatches\tpresent\treport");
            foreach (var s in sessions)
            {
                Console.WriteLine($"{s.Id}\t{s.Date:yyyy-MM-dd}\t{s.Subject}\t{string.Join(',', s.Batches)}\t{s.Present}/{s.Students}\t{(s.ReportSentAt is null ? "not sent" : "sent")}");
            }

            return 0;
        });
        var sessionsCommand = new Command("sessions", "Attendance sessions.");
        sessionsCommand.Subcommands.Add(list);
        root.Subcommands.Add(sessionsCommand);
        root.Subcommands.Add(Report());
    }

    private static Command Report()
    {
        var session = new Argument<Guid>("SESSION") { Description = "Session id, as `rollcall sessions list` prints it" };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the CSV (student id, name, batch, status, similarity, time) to this file" };
        var command = new Command("report", "Print a session's report from Rollcall's own marks, optionally as CSV.") { session, csv };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await AdminContext.OpenAsync(cancellationToken);
            if (services is null)
            {
                return 2;
            }

            var id = result.GetValue(session);
            var database = services.GetRequiredService<RollcallDatabase>();
            await using (var db = database.CreateContext())
            {
                if (!await db.Sessions.AnyAsync(s => s.Id == id, cancellationToken))
                {
                    await Console.Error.WriteLineAsync($"rollcall: no session {id}; `rollcall sessions list` shows the ids");
                    return 1;
                }
            }

            var report = await new ReportStore(database).LoadAsync(id, cancellationToken);
            var present = report.Lines.Count(l => l.Attended);
            Console.WriteLine($"{string.Join(", ", report.Batches)} · {report.Subject} · {report.Date:yyyy-MM-dd}: {present} of {report.Lines.Count} present");
            foreach (var line in report.Lines)
            {
                Console.WriteLine($"  {line.StudentId}\t{line.Name}\t{MarkWords.Csv(line.Status, line.Reviewed, line.SetByTeacher)}");
            }

            if (result.GetValue(csv) is { } file)
            {
                var clock = new LocalClock((services.GetRequiredService<IConfiguration>().Get<ClassroomOptions>() ?? new ClassroomOptions()).Zone);
                await File.WriteAllBytesAsync(file.FullName, ReportFormatter.Csv(report, clock), cancellationToken);
                Console.WriteLine($"CSV written to {file.FullName}");
            }

            return 0;
        });
        return command;
    }
}
