using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Hosting;
using Rollcall.Storage;
using Rollcall.Storage.Conversations;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Texts;
using Telegram.Bot.Types;

namespace Rollcall.Telegram.Updates;

/// <summary>One bot's update pipeline, as the poller, the webhook and the idle sweeper see it.</summary>
public interface IUpdateRouter
{
    /// <summary>The turn, then its replies: both inline, as the webhook does.</summary>
    Task HandleAsync(Update update, CancellationToken cancellationToken);

    /// <summary>
    /// The turn up to its commit, without sending: what is left to send, in the chat's order and after the turns before
    /// it, or null when there is nothing (an update ignored or handled before). The poller sends it off the turn's lane,
    /// so a reply waiting on Telegram's retry_after holds up no turn.
    /// </summary>
    Task<TurnReplies?> TakeTurnAsync(Update update, CancellationToken cancellationToken);

    /// <summary>Ends the bot's conversations idle for CONVERSATION_IDLE_MINUTES; returns how many were told so.</summary>
    Task<int> EndIdleAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Puts the chat at rest when its business was settled outside the chat (the handler's SettleAsync, e.g. a decided
    /// check-in), unless the chat moved meanwhile; its next turn would find the same.
    /// </summary>
    Task SettleAsync(long chatId, CancellationToken cancellationToken);
}

/// <summary>What a committed turn has left to do for <paramref name="ChatId"/>: send its replies and notices, then start its after-commit work.</summary>
public sealed record TurnReplies(long ChatId, Func<CancellationToken, Task> SendAsync);

/// <summary>
/// One bot's update pipeline: read the input, ignore redeliveries, run the handler's step in a DI scope of its own, commit
/// state, update id, work rows and notices to other chats in one transaction, and only then send the replies and start the after-commit work.
/// The router knows turns only: the bot's state is <typeparamref name="TState"/> to it, its work is the handler's.
/// </summary>
public sealed class UpdateRouter<TState>(
    BotRole role,
    IServiceScopeFactory scopes,
    RollcallDatabase database,
    ConversationStore conversations,
    ReplySender sender,
    BotMessenger messenger,
    IOptions<ClassroomOptions> classroom,
    TimeProvider time,
    ILogger<UpdateRouter<TState>> logger) : IUpdateRouter
    where TState : class
{
    private readonly string _bot = role.ToString();

    private ConversationIdle Idle => new(classroom.Value.ConversationIdleMinutes);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (await TakeTurnAsync(update, cancellationToken) is { } replies)
        {
            await replies.SendAsync(cancellationToken);
        }
    }

    public async Task<TurnReplies?> TakeTurnAsync(Update update, CancellationToken cancellationToken)
    {
        var inbound = InputReader.Read(update);
        if (inbound is null or { Input: BotInput.NotPrivateChat })
        {
            // Groups and channels get no answer: a bot that talks in a group leaks the class flow to everyone.
            return null;
        }

        if (inbound.Input is BotInput.Location { Edited: true } && role != BotRole.Student)
        {
            // Only a student's check-in follows a live location; the teacher's centre is the point first sent.
            return null;
        }

        UpdatesLog.UpdateRead(logger, role, inbound.UpdateId, inbound.ChatId, inbound.Input.GetType().Name);
        BotTurn<TState>? turn;
        try
        {
            turn = await TurnTransaction.RunAsync(database, ct => RunTurnAsync(inbound, ct), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            UpdatesLog.UpdateFailed(logger, role, inbound.UpdateId, e);
            IReadOnlyList<Reply> anyway = e is FailedTurnException failed ? failed.Replies : [];
            return new TurnReplies(inbound.ChatId, ct => sender.SendAsync(inbound.ChatId, [.. anyway, Reply.Text(TextKey.SomethingWentWrong)], ct));
        }

        return turn is null ? null : new TurnReplies(inbound.ChatId, ct => SendAsync(inbound.ChatId, turn, ct));
    }

    /// <summary>A committed turn's replies, notices and after-work, in that order.</summary>
    private async Task SendAsync(long chatId, BotTurn<TState> turn, CancellationToken cancellationToken)
    {
        // The turn is committed: its replies (and notices to other chats) still go out if the host is stopping meanwhile.
        using (var grace = new ShutdownGrace(time, cancellationToken))
        {
            if (turn.Notices.Count > 0)
            {
                messenger.Stored();
            }

            var sent = await sender.SendAllAsync(chatId, turn.Replies, grace.Token);
            if (turn.AfterSent is { } afterSent)
            {
                await afterSent(sent, grace.Token);
            }
        }

        foreach (var work in turn.AfterCommit)
        {
            work();
        }
    }

    /// <summary>
    /// The transactional part, in a scope of its own (the execution strategy may run it again); null when the update was
    /// handled before. The transaction opens at the turn's first write (see <see cref="TurnTransaction"/>) and always ends
    /// with the update id and the state, so a redelivered update that slipped past the first check still rolls back whole.
    /// </summary>
    private async Task<BotTurn<TState>?> RunTurnAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RollcallDb>();
        if (await db.ProcessedUpdates.AnyAsync(u => u.Bot == _bot && u.UpdateId == inbound.UpdateId, cancellationToken))
        {
            UpdatesLog.DuplicateUpdate(logger, role, inbound.UpdateId);
            return null;
        }

        var handler = scope.ServiceProvider.GetRequiredService<IBotHandler<TState>>();
        var row = await db.Conversations.SingleOrDefaultAsync(c => c.Bot == _bot && c.ChatId == inbound.ChatId, cancellationToken);
        var stored = await handler.SettleAsync(StateJson.Read(row?.State, handler.Start), cancellationToken);
        var (state, before) = Idle.Resume(stored, row is not null && handler.IsWaiting(stored), handler.Start, row?.UpdatedAt ?? now, now);
        var turn = await handler.HandleAsync(inbound, state, now, cancellationToken);

        await TurnTransaction.EnsureAsync(db, cancellationToken);
        await using var transaction = db.Database.CurrentTransaction!;
        if (row is null)
        {
            row = new Conversation { Bot = _bot, ChatId = inbound.ChatId };
            db.Conversations.Add(row);
        }

        // At rest the state is stored empty: the idle sweep then only sees conversations waiting for an answer.
        row.State = handler.IsWaiting(turn.State) ? StateJson.Write(turn.State) : "";
        row.UpdatedAt = now;
        db.ProcessedUpdates.Add(new ProcessedUpdate { Bot = _bot, UpdateId = inbound.UpdateId, ProcessedAt = now });

        // Notices to other chats tell of a decision this turn made (a review decided, a mark corrected): they commit with
        // it and the reply relay sends them. The chat's own replies go out at once after the commit, as before: the
        // person is there, and a lost answer costs them a repeated message, not a decision they never hear of.
        BotMessenger.Enqueue(db, turn.Notices, now);
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
        return before.Count == 0 ? turn : turn with { Replies = [.. before, .. turn.Replies] };
    }

    public async Task SettleAsync(long chatId, CancellationToken cancellationToken)
    {
        if (await conversations.FindOpenAsync(_bot, chatId, cancellationToken) is not { } open)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IBotHandler<TState>>();
        if (!handler.IsWaiting(await handler.SettleAsync(StateJson.Read(open.State, handler.Start), cancellationToken)))
        {
            await conversations.TryEndAsync(_bot, open, time.GetUtcNow(), cancellationToken);
        }
    }

    public async Task<int> EndIdleAsync(CancellationToken cancellationToken)
    {
        var idle = Idle;
        var ended = 0;
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(idle.Minutes);
        foreach (var stale in await conversations.ListStaleAsync(_bot, cutoff, 100, cancellationToken))
        {
            // A conversation whose business was settled meanwhile (a decided check-in) ends quietly.
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IBotHandler<TState>>();
            var settled = await handler.SettleAsync(StateJson.Read(stale.State, handler.Start), cancellationToken);
            if (await conversations.TryEndAsync(_bot, stale, time.GetUtcNow(), cancellationToken) && handler.IsWaiting(settled))
            {
                await sender.SendAsync(stale.ChatId, [idle.Message], cancellationToken);
                ended++;
            }
        }

        return ended;
    }
}
