using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Sessions;

/// <summary>After a failed SaveChanges inside a transaction (EF rolled back to its savepoint), forgets the rows that were not saved.</summary>
internal static class PendingChanges
{
    public static void Discard(RollcallDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
