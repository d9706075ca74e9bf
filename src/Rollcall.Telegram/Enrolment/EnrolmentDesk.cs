using Rollcall.Storage.Enrolment;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Enrolment;

/// <summary>The teacher's Approve / Reject taps under an enrolment frame, in any conversation state; the student hears the decision.</summary>
public sealed class EnrolmentDesk(EnrolmentDecisions decisions)
{
    public async Task<(IReadOnlyList<Reply> Replies, IReadOnlyList<Notice> Notices)> DecideAsync(
        Inbound inbound, BotInput.Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = new Reply.AnswerCallback(callback.CallbackId);
        if (!EnrolmentButtons.TryParse(callback.Data, out var requestId, out var approve))
        {
            return ([answer, Reply.Text(TextKey.EnrolNotFound)], []);
        }

        var outcome = await decisions.DecideAsync(requestId, approve, inbound.ChatId, tellsStudent: true, now, cancellationToken);
        var removeButtons = new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([]));
        return outcome switch
        {
            EnrolmentOutcome.Decided d => (
                [answer, removeButtons, Reply.Text(d.Approved ? TextKey.EnrolApproved : TextKey.EnrolRejected, d.StudentId, d.StudentName)],
                [new Notice(BotRole.Student, d.StudentChatId, EnrolmentMessages.ForStudent(d))]),
            EnrolmentOutcome.HasPhoto h => (
                [answer, removeButtons, Reply.Text(TextKey.EnrolSuperseded, h.StudentId, h.StudentName)],
                [new Notice(BotRole.Student, h.StudentChatId, EnrolmentMessages.ForStudent(h))]),
            EnrolmentOutcome.AlreadyDecided already => ([answer, removeButtons, Reply.Text(TextKey.EnrolAlreadyDecided, already.State.ToString().ToLowerInvariant())], []),
            _ => ([answer, Reply.Text(TextKey.EnrolNotFound)], []),
        };
    }
}
