using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Replies;

/// <summary>One reply for the outbox: the bot, the chat, the reply as JSON and a picture's or document's bytes.</summary>
public sealed record PendingReply(string Bot, long ChatId, string Payload, byte[]? Content = null);

/// <summary>Writes replies into the caller's transaction, beside the decision that owes them (the LMS outbox's shape).</summary>
public static class ReplyOutbox
{
    /// <summary>
    /// Adds the replies to <paramref name="db"/> without saving, in order. They are due at once: the relay compares due
    /// times with the database's clock, which an instance's own clock may be ahead of.
    /// </summary>
    public static void Enqueue(RollcallDb db, IEnumerable<PendingReply> replies, DateTimeOffset now)
    {
        foreach (var reply in replies)
        {
            db.Replies.Add(new OutboundReply
            {
                Bot = reply.Bot,
                ChatId = reply.ChatId,
                Payload = reply.Payload,
                Content = reply.Content,
                State = ReplyState.Pending,
                CreatedAt = now,
                NextAttemptAt = DateTimeOffset.UnixEpoch,
            });
        }
    }
}
