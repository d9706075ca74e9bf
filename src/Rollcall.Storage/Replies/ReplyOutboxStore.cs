using Microsoft.EntityFrameworkCore;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Replies;

/// <summary>
/// The reply relay's rows. Only a chat's oldest pending row may be claimed, so a chat hears its replies in order and one
/// waiting for a retry holds back that chat alone. A claim is a conditional UPDATE of that one row, timed by the
/// database's clock and numbering the claim (its fence), as the LMS outbox's <c>DeliveryLeases</c> and the jobs do.
/// </summary>
public sealed class ReplyOutboxStore(RollcallDatabase database)
{
    /// <summary>Claims up to <paramref name="limit"/> due rows, one per chat, for <paramref name="lease"/>; each comes back with its claim in <see cref="OutboundReply.Claims"/>.</summary>
    public async Task<IReadOnlyList<OutboundReply>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = await database.NowAsync(cancellationToken);
        var until = now + lease;
        await using var db = database.CreateContext();
        var pending = db.Replies.Where(r => r.State == ReplyState.Pending);
        var heads = pending.GroupBy(r => new { r.Bot, r.ChatId }).Select(g => g.Min(r => r.Id));
        var due = await pending.AsNoTracking()
            .Where(r => heads.Contains(r.Id) && r.NextAttemptAt <= now && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

        List<OutboundReply> claimed = [];
        foreach (var row in due)
        {
            // Rechecked under the row's lock: of two instances that both saw the row free, one takes it.
            var seen = row.Claims;
            var taken = await db.Replies
                .Where(r => r.Id == row.Id && r.State == ReplyState.Pending && r.Claims == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Claims, seen + 1).SetProperty(r => r.LeaseUntil, until), CancellationToken.None);
            if (taken == 1)
            {
                row.Claims = seen + 1;
                row.LeaseUntil = until;
                claimed.Add(row);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Marks the row sent if <paramref name="row"/>'s claim still holds it; false when the lease ran out and another claim
    /// took it. A picture's bytes (a review's face) go with the send: the row keeps no copy past MEDIA_RETENTION's reach.
    /// </summary>
    public async Task<bool> MarkSentAsync(OutboundReply row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await Held(db, row).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, ReplyState.Sent).SetProperty(r => r.SentAt, now).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(r => r.Content, (byte[]?)null),
            cancellationToken) == 1;
    }

    /// <summary>Telegram refused the reply for good: it is never sent again, and the chat's next reply goes on.</summary>
    public async Task<bool> MarkFailedAsync(OutboundReply row, string error, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await Held(db, row).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.State, ReplyState.Failed).SetProperty(r => r.LastError, error).SetProperty(r => r.Content, (byte[]?)null)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken) == 1;
    }

    /// <summary>The reply may pass later (429, 5xx, no connection): due again after <paramref name="pause"/> by the database's clock.</summary>
    public async Task RetryLaterAsync(OutboundReply row, TimeSpan pause, string error, CancellationToken cancellationToken)
    {
        var next = await database.NowAsync(cancellationToken) + pause;
        await using var db = database.CreateContext();
        await Held(db, row).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.NextAttemptAt, next).SetProperty(r => r.LastError, error)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>Gives the row back at once (an orderly stop): whoever runs next sends it without waiting for the lease.</summary>
    public async Task ReleaseAsync(OutboundReply row, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await Held(db, row).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Replies not yet sent, replies Telegram refused for good, and the age of the oldest pending one by the database's clock.</summary>
    public async Task<(long Pending, long Failed, TimeSpan OldestAge)> CountAsync(CancellationToken cancellationToken)
    {
        var now = await database.NowAsync(cancellationToken);
        await using var db = database.CreateContext();
        var pending = db.Replies.Where(r => r.State == ReplyState.Pending);
        var count = await pending.LongCountAsync(cancellationToken);
        var failed = await db.Replies.LongCountAsync(r => r.State == ReplyState.Failed, cancellationToken);
        var oldest = count == 0 ? null : await pending.MinAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);
        return (count, failed, oldest is { } at && now > at ? now - at : TimeSpan.Zero);
    }

    private static IQueryable<OutboundReply> Held(RollcallDb db, OutboundReply row) =>
        db.Replies.Where(r => r.Id == row.Id && r.State == ReplyState.Pending && r.Claims == row.Claims);
}
