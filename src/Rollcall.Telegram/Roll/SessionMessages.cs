using Rollcall.Sessions;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>Shows a session's message in a turn: the reply, and the work after it is sent that makes it the message the live roll edits.</summary>
public sealed class SessionMessages(StudentBotLink link, LocalClock clock, LiveRollStore live)
{
    public async Task<(Reply Reply, Func<IReadOnlyList<Sent>, CancellationToken, Task> AfterSent)> ShowAsync(
        SessionCard card, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var url = await link.ForCodeAsync(card.Otp, cancellationToken);
        var photo = SessionMessage.Photo(card, url, now, clock);
        var shown = SessionMessage.Shown(card.Otp, photo.Caption, (Keyboard.Inline)photo.Keyboard!);
        return (photo, async (sent, ct) =>
        {
            if (sent.FirstOrDefault(s => ReferenceEquals(s.Reply, photo)) is { MessageId: { } messageId })
            {
                await live.RememberAsync(card.Id, messageId, shown, ct);
            }
        }
        );
    }
}
