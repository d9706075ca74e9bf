using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Sessions;

/// <summary>
/// A bot turn's transaction starts at its first write, not before: on SQLite an open write transaction would block the
/// other connections a turn uses before writing (the LMS saving tokens, a teacher being bound).
/// </summary>
public static class TurnTransaction
{
    /// <summary>
    /// Runs <paramref name="work"/> under the provider's execution strategy: PostgreSQL retries transient failures and only
    /// allows a transaction inside the strategy, which re-runs the whole unit (so it must open its own context).
    /// </summary>
    public static async Task<T> RunAsync<T>(RollcallDatabase database, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(work, cancellationToken);
    }

    /// <summary>Begins the transaction unless one is open already.</summary>
    public static async Task EnsureAsync(RollcallDb db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
        }
    }

    /// <summary>After a failed SaveChanges inside the transaction (EF rolled back to its savepoint), forgets the rows that were not saved.</summary>
    public static void DiscardPending(RollcallDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
