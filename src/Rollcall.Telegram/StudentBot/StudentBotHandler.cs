using Rollcall.Storage;
using Rollcall.Storage.Queue;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Runs the student conversation inside the router's transaction.</summary>
public sealed class StudentBotHandler(StudentConversation conversation) : IBotHandler
{
    public async Task<TurnResult> HandleAsync(Inbound inbound, string? state, RollcallDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = StateJson.Read(state, StudentState.Start);
        var turn = await conversation.StepAsync(current, inbound, new CheckInStore(db), now, cancellationToken);
        return new TurnResult(StateJson.Write(turn.State), turn.Replies, turn.QueuedJobs, turn.State.Step == StudentStep.Idle);
    }
}
