using Microsoft.Extensions.Options;
using Rollcall.Storage.Reviews;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Review;

/// <summary>The teacher's Approve / Reject taps on a review, in any conversation state; the student hears the decision.</summary>
public sealed class ReviewDesk(ReviewStore store, IOptions<ClassroomOptions> options)
{
    public async Task<(IReadOnlyList<Reply> Replies, IReadOnlyList<Notice> Notices)> DecideAsync(
        Inbound inbound, BotInput.Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = new Reply.AnswerCallback(callback.CallbackId);
        if (!ReviewButtons.TryParse(callback.Data, out var reviewId, out var approve))
        {
            return ([answer, Reply.Text(TextKey.ReviewNotFound)], []);
        }

        var keepImage = options.Value.MediaRetentionSpan is not null;
        var outcome = await store.DecideAsync(reviewId, approve, inbound.ChatId, keepImage, options.Value.LateAfter, now, cancellationToken);
        var removeButtons = new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([]));
        return outcome switch
        {
            ReviewOutcome.Decided d =>
            (
                [answer, removeButtons, Reply.Text(d.Approved ? TextKey.ReviewApproved : TextKey.ReviewRejected, d.StudentId, d.StudentName)],
                [new Notice(BotRole.Student, d.StudentChatId, VerificationMessages.WithReceipt(
                    Reply.Text(d.Approved ? TextKey.ReviewApprovedStudent : TextKey.ReviewRejectedStudent, d.Subject), d.Receipt))]
            ),
            ReviewOutcome.AlreadyDecided already => ([answer, removeButtons, Reply.Text(TextKey.ReviewAlreadyDecided, already.Decision)], []),
            ReviewOutcome.Closed => ([answer, removeButtons, Reply.Text(TextKey.ReviewClosed)], []),
            _ => ([answer, Reply.Text(TextKey.ReviewNotFound)], []),
        };
    }
}
