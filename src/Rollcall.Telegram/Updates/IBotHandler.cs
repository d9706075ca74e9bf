using Rollcall.Storage;

namespace Rollcall.Telegram.Updates;

/// <summary>One bot's conversation behind the router: takes the stored state and an input, writes work into <c>db</c>.</summary>
public interface IBotHandler
{
    /// <summary>
    /// Runs one conversation step inside the router's open transaction on <paramref name="db"/>; returns the state to
    /// store (JSON), the replies to send after the commit and the verification jobs to queue after the commit.
    /// </summary>
    Task<TurnResult> HandleAsync(Inbound inbound, string? state, RollcallDb db, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The outcome of one turn; <see cref="AtRest"/> when the conversation is not waiting for an answer.</summary>
public sealed record TurnResult(string State, IReadOnlyList<Reply> Replies, IReadOnlyList<Guid> QueuedJobs, bool AtRest)
{
    /// <summary>Messages for other chats or the other bot (a reviewed student hears the teacher's decision), sent after the commit.</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];
}

/// <summary>A reply for a chat other than the one that spoke, through <paramref name="Bot"/>.</summary>
public sealed record Notice(BotRole Bot, long ChatId, Reply Reply);
