using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rollcall.Hosting;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Telegram.Bot.Types;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// One bot's update pipeline: read the input, ignore redeliveries, run the conversation step, commit state, update id
/// and work rows in one transaction, and only then send the replies.
/// </summary>
public sealed class UpdateRouter(
    BotRole role,
    IBotHandler handler,
    RollcallDatabase database,
    ReplySender sender,
    VerificationQueue queue,
    BotMessenger messenger,
    TimeProvider time,
    ILogger<UpdateRouter> logger)
{
    private readonly string _bot = role.ToString();

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var inbound = InputReader.Read(update);
        if (inbound is null or { Input: BotInput.NotPrivateChat })
        {
            // Groups and channels get no answer: a bot that talks in a group leaks the class flow to everyone.
            return;
        }

        UpdatesLog.UpdateRead(logger, role, inbound.UpdateId, inbound.ChatId, inbound.Input.GetType().Name);
        TurnResult? result;
        try
        {
            result = await TurnTransaction.RunAsync(database, ct => RunTurnAsync(inbound, ct), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            UpdatesLog.UpdateFailed(logger, role, inbound.UpdateId, e);
            await sender.SendAsync(inbound.ChatId, [Reply.Text(TextKey.SomethingWentWrong)], cancellationToken);
            return;
        }

        if (result is null)
        {
            return;
        }

        // The turn is committed: its replies (and notices to other chats) still go out if the host is stopping meanwhile.
        using (var grace = new ShutdownGrace(time, cancellationToken))
        {
            await sender.SendAsync(inbound.ChatId, result.Replies, grace.Token);
            await messenger.SendAsync(result.Notices, grace.Token);
        }

        foreach (var job in result.QueuedJobs)
        {
            queue.Offer(job);
        }
    }

    /// <summary>
    /// The transactional part; null when the update was handled before. The transaction opens at the turn's first write
    /// (see <see cref="TurnTransaction"/>) and always ends with the update id and the state, so a redelivered update that
    /// slipped past the first check still rolls back whole.
    /// </summary>
    private async Task<TurnResult?> RunTurnAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();
        if (await db.ProcessedUpdates.AnyAsync(u => u.Bot == _bot && u.UpdateId == inbound.UpdateId, cancellationToken))
        {
            UpdatesLog.DuplicateUpdate(logger, role, inbound.UpdateId);
            return null;
        }

        var row = await db.Conversations.SingleOrDefaultAsync(c => c.Bot == _bot && c.ChatId == inbound.ChatId, cancellationToken);
        var result = await handler.HandleAsync(inbound, row?.State, db, now, cancellationToken);

        await TurnTransaction.EnsureAsync(db, cancellationToken);
        await using var transaction = db.Database.CurrentTransaction!;
        if (row is null)
        {
            row = new Conversation { Bot = _bot, ChatId = inbound.ChatId };
            db.Conversations.Add(row);
        }

        // At rest the state is stored empty: the idle sweeper then only sees conversations waiting for an answer.
        row.State = result.AtRest ? "" : result.State;
        row.UpdatedAt = now;
        db.ProcessedUpdates.Add(new ProcessedUpdate { Bot = _bot, UpdateId = inbound.UpdateId, ProcessedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another instance handled this update meanwhile (or created the chat's row): roll the whole turn back.
            UpdatesLog.DuplicateUpdate(logger, role, inbound.UpdateId);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
