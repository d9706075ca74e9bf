using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Ports;
using Rollcall.Storage.Sessions;
using Rollcall.Storage.Term;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Term;

/// <summary>The students of a report's session who fall below the threshold with it, found before the report goes out.</summary>
public sealed record WarningPlan(string Subject, IReadOnlyList<(string StudentId, AttendanceFigures Figures, bool Below)> Standings, IReadOnlyList<(string StudentId, string Name, AttendanceFigures Figures)> Falling);

/// <summary>
/// Low-attendance warnings after each report (ATTENDANCE_WARNINGS): the plan names, in the teacher's report, who falls below
/// the threshold with this session; once the report is sent, the warn-once state is saved and each of them gets one message.
/// </summary>
public sealed class TermWarnings(ITermRecords records, WarningStore warnings, StudentAccounts accounts, IOptions<TermOptions> options)
{
    private const int NamesInReport = 20;

    public async Task<WarningPlan?> PlanAsync(SessionReport report, CancellationToken cancellationToken)
    {
        if (options.Value.Warnings == WarningsMode.Off || report.Lines.Count == 0)
        {
            return null;
        }

        var rule = options.Value.Rule;
        var span = options.Value.SoFar(report.Date);
        var standings = new List<(string StudentId, string Name, AttendanceFigures Figures)>();
        foreach (var batch in report.Batches)
        {
            var inSession = report.Lines.Where(l => l.Batch == batch).Select(l => l.StudentId).ToHashSet(StringComparer.Ordinal);
            var sheet = await records.SheetAsync(batch, report.Subject, span, cancellationToken);
            standings.AddRange(sheet.Students.Where(s => inSession.Contains(s.StudentId)).Select(s => (s.StudentId, s.Name, s.Figures(rule))));
        }

        var minimum = options.Value.WarningMinSessions;
        var warned = await warnings.WarnedAsync(report.Subject, [.. standings.Select(s => s.StudentId)], cancellationToken);
        var falling = standings
            .Where(s => LowAttendanceWarning.Next(warned.Contains(s.StudentId), LowAttendanceWarning.Below(rule, s.Figures, minimum)) == WarningStep.Warn)
            .ToList();
        return new WarningPlan(report.Subject, [.. standings.Select(s => (s.StudentId, s.Figures, LowAttendanceWarning.Below(rule, s.Figures, minimum)))], falling);
    }

    /// <summary>The report's line naming who fell below, or null when nobody did.</summary>
    public TextRef? TeacherLine(WarningPlan? plan)
    {
        if (plan is null || plan.Falling.Count == 0)
        {
            return null;
        }

        var names = plan.Falling.Take(NamesInReport).Select(f => $"{f.StudentId} - {TermWords.Short(f.Name)} ({TermWords.Percent(f.Figures)} %)");
        var more = plan.Falling.Count > NamesInReport ? ", " + BotTexts.Format(TextKey.ReportFellBelowMore, plan.Falling.Count - NamesInReport) : "";
        return new TextRef(TextKey.ReportFellBelow, TermWords.Threshold(options.Value.Rule), string.Join(", ", names) + more);
    }

    /// <summary>Saves the warn-once state after the report went out and returns one message for each student to tell.</summary>
    public async Task<IReadOnlyList<Notice>> ApplyAsync(WarningPlan? plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return [];
        }

        var rule = options.Value.Rule;
        var told = await warnings.ApplyAsync(plan.Subject, plan.Standings, now, cancellationToken);
        var chats = await accounts.AccountsOfAsync(told, cancellationToken);
        var figures = plan.Standings.ToDictionary(s => s.StudentId, s => s.Figures, StringComparer.Ordinal);
        return [.. told.Where(chats.ContainsKey).Select(id => new Notice(BotRole.Student, chats[id], Reply.Text(TextKey.WarningStudent,
            plan.Subject, figures[id].Percent ?? 0, figures[id].Attended, figures[id].Held, TermWords.Threshold(rule))))];
    }
}
