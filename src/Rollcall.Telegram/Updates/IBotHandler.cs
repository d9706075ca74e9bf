namespace Rollcall.Telegram.Updates;

/// <summary>
/// One bot's conversation behind the router, typed: the router reads and writes <typeparamref name="TState"/> (JSON in the
/// Conversation row), opens the turn's DI scope and transaction, and applies the idle time-out. A handler is scoped to the
/// turn and gets its stores from DI; whatever they write commits with the turn.
/// </summary>
public interface IBotHandler<TState>
    where TState : class
{
    /// <summary>The state of a chat at rest (and of a chat never seen).</summary>
    TState Start { get; }

    /// <summary>Whether the conversation waits for an answer; a state at rest is stored empty and never times out.</summary>
    bool IsWaiting(TState state);

    /// <summary>Brings a stored state up to date with what happened meanwhile outside the chat (a student's check-in decided).</summary>
    Task<TState> SettleAsync(TState state, CancellationToken cancellationToken);

    /// <summary>One step: the next state, the replies to send after the commit, and the work to start after it.</summary>
    Task<BotTurn<TState>> HandleAsync(Inbound inbound, TState state, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The outcome of one turn.</summary>
public sealed record BotTurn<TState>(TState State, IReadOnlyList<Reply> Replies)
{
    /// <summary>Messages for other chats or the other bot (a reviewed student hears the teacher's decision), sent after the commit.</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>Run after the commit and the replies, never for a turn rolled back (e.g. ring the verification queue for a stored job).</summary>
    public IReadOnlyList<Action> AfterCommit { get; init; } = [];

    /// <summary>
    /// Run after the replies with what became of each, in order (e.g. remember the id of the session message that the live
    /// roll edits). It runs outside the turn's scope: it must not use the turn's stores.
    /// </summary>
    public Func<IReadOnlyList<Sent>, CancellationToken, Task>? AfterSent { get; init; }
}

/// <summary>A reply for a chat other than the one that spoke, through <paramref name="Bot"/>.</summary>
public sealed record Notice(BotRole Bot, long ChatId, Reply Reply);
