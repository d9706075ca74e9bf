using Microsoft.EntityFrameworkCore;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Outbox;

/// <summary>One batch/subject/date of the LMS, whichever teachers' sessions its marks came from.</summary>
public sealed record DeliveryKey(string Batch, string Subject, DateOnly Date);

/// <summary>
/// Serialises the deliveries of a key across instances: a claim is one conditional UPDATE of the key's row, timed by
/// the database's clock, that also numbers the claim. A single-row UPDATE is rechecked under PostgreSQL's row lock,
/// where the former NOT EXISTS over other rows was not (audit S2), so two instances never both hold a key.
/// </summary>
internal static class DeliveryLeases
{
    /// <summary>The claim's number (its fencing token), or null while another delivery holds the key.</summary>
    public static async Task<int?> TryTakeAsync(RollcallDatabase database, DeliveryKey key, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        if (!await Of(db, key).AnyAsync(cancellationToken))
        {
            db.DeliveryLeases.Add(new DeliveryLease { Batch = key.Batch, Subject = key.Subject, Date = key.Date });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // A sibling made the row first; the claim below decides.
            }
        }

        var now = await database.NowAsync(cancellationToken);
        var until = now + lease;
        var taken = await Of(db, key).Where(l => l.LeaseUntil == null || l.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Claims, l => l.Claims + 1).SetProperty(l => l.LeaseUntil, until), cancellationToken);
        return taken == 1 ? await Of(db, key).Select(l => l.Claims).SingleAsync(cancellationToken) : null;
    }

    /// <summary>Frees the key if <paramref name="claim"/> still holds it; false when the lease ran out and another claim took it.</summary>
    public static async Task<bool> ReleaseAsync(RollcallDb db, DeliveryKey key, int claim, CancellationToken cancellationToken) =>
        await Of(db, key).Where(l => l.Claims == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;

    private static IQueryable<DeliveryLease> Of(RollcallDb db, DeliveryKey key) =>
        db.DeliveryLeases.Where(l => l.Batch == key.Batch && l.Subject == key.Subject && l.Date == key.Date);
}
