using Microsoft.Extensions.Options;
using Rollcall.Sessions;
using Rollcall.Storage.Appeals;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Appeals;

/// <summary>
/// /appeal CODE from the student, in any state; the teacher's Approve / Reject under the appeal, also after the report.
/// Each side hears the outcome; the student's answer to an approval carries the new receipt.
/// </summary>
public sealed class AppealDesk(AppealStore appeals, AppealDecisions decisions, IOptions<AppealOptions> options, LocalClock clock)
{
    public async Task<(IReadOnlyList<Reply> Replies, IReadOnlyList<Notice> Notices)> FileAsync(
        Inbound inbound, string typed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return ([Reply.Text(TextKey.AppealAsk)], []);
        }

        var filing = await appeals.FileAsync(typed, inbound.UserId, inbound.ChatId, options.Value.Window, now, cancellationToken);
        return filing switch
        {
            AppealFiling.Filed filed => ([Reply.Text(TextKey.AppealSent, filed.Evidence.Subject, filed.Evidence.Date)],
                [AppealMessages.ForTeacher(filed.AppealId, filed.Evidence, clock)]),
            AppealFiling.Refused refused => ([AppealMessages.Refusal(refused.Why, options.Value.Hours)], []),
            _ => throw new InvalidOperationException("An appeal is filed or refused."),
        };
    }

    public async Task<(IReadOnlyList<Reply> Replies, IReadOnlyList<Notice> Notices)> DecideAsync(
        Inbound inbound, BotInput.Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = new Reply.AnswerCallback(callback.CallbackId);
        if (!AppealButtons.TryParse(callback.Data, out var appealId, out var approve))
        {
            return ([answer, Reply.Text(TextKey.AppealNotFound)], []);
        }

        var outcome = await decisions.DecideAsync(appealId, approve, inbound.ChatId, now, cancellationToken);
        var removeButtons = new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([]));
        return outcome switch
        {
            AppealOutcome.Approved a => ([answer, removeButtons, Reply.Text(TextKey.AppealApproved, a.StudentId, a.StudentName)], [AppealMessages.ForStudent(a)]),
            AppealOutcome.Rejected r => ([answer, removeButtons, Reply.Text(TextKey.AppealRejected, r.StudentId, r.StudentName)], [AppealMessages.ForStudent(r)]),
            AppealOutcome.AlreadyDecided d => ([answer, removeButtons, Reply.Text(TextKey.AppealDecidedAlready, d.StudentId)], []),
            _ => ([answer, Reply.Text(TextKey.AppealNotFound)], []),
        };
    }
}
