namespace Rollcall.Telegram.Updates;

/// <summary>
/// A turn that failed but has replies that must go out anyway (deleting the password message, L8). The router sends them
/// before "something went wrong"; nothing of the turn is stored.
/// </summary>
public sealed class FailedTurnException(IReadOnlyList<Reply> replies, Exception inner)
    : Exception("The turn failed: " + inner.Message, inner)
{
    public IReadOnlyList<Reply> Replies { get; } = replies;
}
