using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>The result of one teacher step: next state and replies.</summary>
public sealed record TeacherTurn(TeacherState State, IReadOnlyList<Reply> Replies)
{
    /// <summary>A session whose message follows the replies (a session opened, or the one that already exists).</summary>
    public Guid? ShowSession { get; init; }
}
