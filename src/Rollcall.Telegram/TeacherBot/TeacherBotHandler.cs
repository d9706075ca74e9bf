using Rollcall.Storage;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Runs the teacher conversation inside the router's transaction.</summary>
public sealed class TeacherBotHandler(TeacherConversation conversation) : IBotHandler
{
    public async Task<TurnResult> HandleAsync(Inbound inbound, string? state, RollcallDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = StateJson.Read(state, TeacherState.Start);
        var turn = await conversation.StepAsync(current, inbound, new SessionStore(db), now, cancellationToken);
        return new TurnResult(StateJson.Write(turn.State), turn.Replies, [], turn.State.Step == TeacherStep.Idle);
    }
}
