using Microsoft.Extensions.Options;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Storage.Term;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

/// <summary>/attendance: a student's own percentage per subject this term and their latest sessions, for the IDs bound to the account.</summary>
public sealed class AttendanceDesk(StudentAccounts accounts, ITermRecords records, IOptions<TermOptions> term, LocalClock clock, TimeProvider time)
{
    private const int Latest = 5;

    public async Task<IReadOnlyList<Reply>> ShowAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var ids = await accounts.IdsOfAsync(inbound.UserId, cancellationToken);
        if (ids.Count == 0)
        {
            return [Reply.Text(TextKey.AttendanceNotBound)];
        }

        var span = term.Value.SoFar(clock.DateOf(time.GetUtcNow()));
        var sessions = new List<StudentSession>();
        foreach (var id in ids)
        {
            sessions.AddRange(await records.StudentSessionsAsync(id, span, cancellationToken));
        }

        var who = string.Join(", ", ids);
        if (sessions.Count == 0)
        {
            return [Reply.Text(TextKey.AttendanceNone, who)];
        }

        var rule = term.Value.Rule;
        var subjects = StudentTerm.BySubject(sessions, rule, Latest).Select(s => BotTexts.Format(TextKey.AttendanceSubject,
            s.Subject, s.Figures.Attended, s.Figures.Held, TermWords.Percent(s.Figures),
            s.Below ? new TextRef(TextKey.AttendanceBelow, TermWords.Threshold(rule)) : "",
            string.Join(", ", s.Latest.Select(l => $"{l.Date:yyyy-MM-dd} {MarkWords.Term(l.Status)}"))));
        return [Reply.Text(TextKey.AttendanceBody, who, string.Join("\n\n", subjects))];
    }
}
