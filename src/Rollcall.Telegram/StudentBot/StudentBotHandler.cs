using Rollcall.Storage;
using Rollcall.Storage.Queue;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// Runs the student conversation inside the router's transaction. /mydata, /forget and the forget buttons work in any
/// state and leave the check-in where it was.
/// </summary>
public sealed class StudentBotHandler(StudentConversation conversation) : IBotHandler
{
    public async Task<TurnResult> HandleAsync(Inbound inbound, string? state, RollcallDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = StateJson.Read(state, StudentState.Start);
        IReadOnlyList<Reply>? privacy = inbound.Input switch
        {
            BotInput.Command { Name: "mydata" } => await PrivacyDesk.MyDataAsync(inbound, db, cancellationToken),
            BotInput.Command { Name: "forget" } => await PrivacyDesk.ForgetAsync(inbound, db, cancellationToken),
            BotInput.Callback callback when callback.Data.StartsWith(PrivacyDesk.Prefix, StringComparison.Ordinal) =>
                await PrivacyDesk.ConfirmAsync(inbound, callback, db, now, cancellationToken),
            _ => null,
        };
        if (privacy is not null)
        {
            return new TurnResult(StateJson.Write(current), privacy, [], current.Step == StudentStep.Idle);
        }

        var turn = await conversation.StepAsync(current, inbound, new CheckInStore(db), now, cancellationToken);
        return new TurnResult(StateJson.Write(turn.State), turn.Replies, turn.QueuedJobs, turn.State.Step == StudentStep.Idle);
    }
}
