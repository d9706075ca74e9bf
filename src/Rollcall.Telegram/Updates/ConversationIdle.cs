using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>CONVERSATION_IDLE_MINUTES: a conversation that waited longer for an answer starts over, with a message saying so.</summary>
public sealed record ConversationIdle(int Minutes)
{
    public Reply.Message Message => Reply.Text(new Keyboard.Remove(), TextKey.IdleTimeout, Minutes);

    /// <summary>
    /// The state a turn starts from: <paramref name="stored"/>, or <paramref name="start"/> with the time-out message when
    /// it was <paramref name="waiting"/> since <paramref name="lastTurn"/> for too long.
    /// </summary>
    public (TState State, IReadOnlyList<Reply> Before) Resume<TState>(TState stored, bool waiting, TState start, DateTimeOffset lastTurn, DateTimeOffset now) =>
        waiting && HasExpired(lastTurn, now) ? (start, [Message]) : (stored, []);

    public bool HasExpired(DateTimeOffset lastTurn, DateTimeOffset now) => now - lastTurn > TimeSpan.FromMinutes(Minutes);
}
