using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Teachers;

/// <summary>
/// One LMS token renewal per teacher across instances: a conditional UPDATE of the teacher's row, timed by the
/// database's clock so instances with skewed clocks agree. Per-process locks let two instances refresh one teacher at
/// once and ping-pong a single-session LMS (409, logout, login).
/// </summary>
internal static class TokenRenewalLock
{
    public static async Task<IAsyncDisposable?> TryTakeAsync(RollcallDatabase database, long teacherId, TimeSpan hold, CancellationToken cancellationToken)
    {
        var now = await database.NowAsync(cancellationToken);
        var until = now + hold;
        var holder = Guid.NewGuid();
        await using var db = database.CreateContext();
        var taken = await db.Teachers
            .Where(t => t.Id == teacherId && (t.TokenRenewalUntil == null || t.TokenRenewalUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TokenRenewalHolder, holder).SetProperty(t => t.TokenRenewalUntil, until), cancellationToken);
        if (taken == 1)
        {
            return new Handle(database, teacherId, holder);
        }

        // No such teacher (removed meanwhile): nobody else can hold its lock, and there is nothing to guard.
        return await db.Teachers.AnyAsync(t => t.Id == teacherId, cancellationToken) ? null : new Handle(database, teacherId, holder);
    }

    private sealed class Handle(RollcallDatabase database, long teacherId, Guid holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Freed even when the renewal was cancelled (hence its own short timeout); only this holder's claim is cleared.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var db = database.CreateContext();
            await db.Teachers.Where(t => t.Id == teacherId && t.TokenRenewalHolder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.TokenRenewalHolder, (Guid?)null).SetProperty(t => t.TokenRenewalUntil, (DateTimeOffset?)null), timeout.Token);
        }
    }
}
