using Rollcall.Storage;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>
/// Runs the teacher conversation inside the router's transaction. Review taps and /receipt work in any state and leave
/// the conversation where it was.
/// </summary>
public sealed class TeacherBotHandler(TeacherConversation conversation, ReviewDesk reviews, ReceiptDesk receipts) : IBotHandler
{
    public async Task<TurnResult> HandleAsync(Inbound inbound, string? state, RollcallDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = StateJson.Read(state, TeacherState.Start);
        switch (inbound.Input)
        {
            case BotInput.Callback callback when callback.Data.StartsWith(ReviewButtons.Prefix, StringComparison.Ordinal):
                var (replies, notices) = await reviews.DecideAsync(inbound, callback, db, now, cancellationToken);
                return Unchanged(current, replies) with { Notices = notices };
            case BotInput.Command { Name: "receipt" } command:
                return Unchanged(current, [await receipts.CheckAsync(inbound, command.Argument, db, cancellationToken)]);
        }

        var turn = await conversation.StepAsync(current, inbound, new SessionStore(db), now, cancellationToken);
        return new TurnResult(StateJson.Write(turn.State), turn.Replies, [], turn.State.Step == TeacherStep.Idle);
    }

    private static TurnResult Unchanged(TeacherState current, IReadOnlyList<Reply> replies) =>
        new(StateJson.Write(current), replies, [], current.Step == TeacherStep.Idle);
}
