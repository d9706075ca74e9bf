using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Conversations;

/// <summary>
/// Conversations left mid-flow, for the idle time-out. A conversation at rest is stored with an empty state, so only
/// unfinished ones are listed.
/// </summary>
public sealed class ConversationStore(RollcallDatabase database)
{
    /// <summary>Chats of <paramref name="bot"/> in the middle of a flow and untouched since <paramref name="cutoff"/>.</summary>
    public async Task<IReadOnlyList<OpenConversation>> ListStaleAsync(string bot, DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Bot == bot && c.State != "" && c.UpdatedAt < cutoff)
            .OrderBy(c => c.UpdatedAt)
            .Take(limit)
            .Select(c => new OpenConversation(c.ChatId, c.UpdatedAt, c.State))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The chat's conversation when it is mid-flow (its state not empty), else null.</summary>
    public async Task<OpenConversation?> FindOpenAsync(string bot, long chatId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Bot == bot && c.ChatId == chatId && c.State != "")
            .Select(c => new OpenConversation(c.ChatId, c.UpdatedAt, c.State))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Puts the chat at rest unless it moved since it was read (a conditional UPDATE, so a fresh answer wins).</summary>
    public async Task<bool> TryEndAsync(string bot, OpenConversation open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.Conversations
            .Where(c => c.Bot == bot && c.ChatId == open.ChatId && c.UpdatedAt == open.UpdatedAt && c.State != "")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, "").SetProperty(c => c.UpdatedAt, now), cancellationToken);
        return rows == 1;
    }

    /// <summary>Forgets handled update ids older than <paramref name="before"/>; Telegram redelivers only recent ones.</summary>
    public async Task<int> PurgeProcessedUpdatesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.ProcessedUpdates.Where(u => u.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>A chat mid-flow, with the time of its last change and its state (the bot's JSON, read only by the bot's router).</summary>
public sealed record OpenConversation(long ChatId, DateTimeOffset UpdatedAt, string State);
