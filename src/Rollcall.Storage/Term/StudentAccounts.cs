using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Term;

/// <summary>Which student IDs a Telegram account is bound to, and the other way round (a private chat's id is its user's id).</summary>
public sealed class StudentAccounts(RollcallDatabase database)
{
    public async Task<IReadOnlyList<string>> IdsOfAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.StudentBindings.AsNoTracking().Where(b => b.TelegramUserId == telegramUserId)
            .OrderBy(b => b.StudentId).Select(b => b.StudentId).ToListAsync(cancellationToken);
    }

    /// <summary>The accounts of the IDs that are bound; an ID after /forget has none and is not messaged.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AccountsOfAsync(IReadOnlyCollection<string> studentIds, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.StudentBindings.AsNoTracking().Where(b => studentIds.Contains(b.StudentId))
            .ToDictionaryAsync(b => b.StudentId, b => b.TelegramUserId, cancellationToken);
    }
}
