using Rollcall.Ports;
using Rollcall.Telegram.Privacy;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// The student bot's turn, scoped to it: /mydata, /forget and the forget buttons work in any state and leave the check-in
/// where it was; everything else is the check-in conversation, whose queued jobs ring the verification queue after the commit.
/// </summary>
public sealed class StudentBotHandler(StudentConversation conversation, ICheckInStore store, PrivacyDesk privacy, VerificationQueue queue)
    : IBotHandler<StudentState>
{
    public StudentState Start => StudentState.Start;

    public bool IsWaiting(StudentState state) => state.Step != StudentStep.Idle;

    public Task<StudentState> SettleAsync(StudentState state, CancellationToken cancellationToken) =>
        StudentConversation.SettleAsync(state, store, cancellationToken);

    public async Task<BotTurn<StudentState>> HandleAsync(Inbound inbound, StudentState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<Reply>? replies = inbound.Input switch
        {
            BotInput.Command { Name: "mydata" } => await privacy.MyDataAsync(inbound, cancellationToken),
            BotInput.Command { Name: "forget" } => await privacy.ForgetAsync(inbound, cancellationToken),
            BotInput.Callback callback when callback.Data.StartsWith(PrivacyDesk.Prefix, StringComparison.Ordinal) =>
                await privacy.ConfirmAsync(inbound, callback, now, cancellationToken),
            _ => null,
        };
        if (replies is not null)
        {
            return new BotTurn<StudentState>(state, replies);
        }

        var turn = await conversation.StepAsync(state, inbound, store, now, cancellationToken);
        return new BotTurn<StudentState>(turn.State, turn.Replies)
        {
            AfterCommit = [.. turn.QueuedJobs.Select(jobId => (Action)(() => queue.Offer(jobId)))],
        };
    }
}
