using Rollcall.Ports;
using Rollcall.Storage.Enrolment;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.Privacy;
using Rollcall.Telegram.Term;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// The student bot's turn, scoped to it: the desk commands of <see cref="StudentCommands"/> and the forget buttons work in
/// any state and leave the check-in where it was; /enrol and its steps are the self-enrolment's; everything else is the
/// check-in conversation. Queued jobs and enrolment requests ring their queues after the commit.
/// </summary>
public sealed class StudentBotHandler(
    StudentConversation conversation,
    ICheckInStore store,
    PrivacyDesk privacy,
    AttendanceDesk attendance,
    VerificationQueue queue,
    EnrolmentConversation enrolment,
    EnrolmentStore enrolments,
    EnrolmentQueue enrolmentQueue)
    : IBotHandler<StudentState>
{
    public StudentState Start => StudentState.Start;

    public bool IsWaiting(StudentState state) => state.Step != StudentStep.Idle;

    public Task<StudentState> SettleAsync(StudentState state, CancellationToken cancellationToken) =>
        StudentConversation.SettleAsync(state, store, cancellationToken);

    public async Task<BotTurn<StudentState>> HandleAsync(Inbound inbound, StudentState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Input is BotInput.Callback callback && callback.Data.StartsWith(PrivacyDesk.Prefix, StringComparison.Ordinal))
        {
            return new BotTurn<StudentState>(state, await privacy.ConfirmAsync(inbound, callback, now, cancellationToken));
        }

        if (StudentCommands.Table.Desk(inbound.Input) is { } desk)
        {
            return new BotTurn<StudentState>(state, await DeskAsync(desk.Name, inbound, cancellationToken));
        }

        if (EnrolmentConversation.Takes(inbound.Input, state))
        {
            var enrolled = await enrolment.StepAsync(state, inbound, enrolments, now, cancellationToken);
            return new BotTurn<StudentState>(enrolled.State, enrolled.Replies)
            {
                Notices = enrolled.Notices,
                AfterCommit = enrolled.Queued is { } requestId ? [() => enrolmentQueue.Offer(requestId)] : [],
            };
        }

        var turn = await conversation.StepAsync(state, inbound, store, now, cancellationToken);
        return new BotTurn<StudentState>(turn.State, turn.Replies)
        {
            Notices = turn.Notices,
            AfterCommit = [.. turn.QueuedJobs.Select(jobId => (Action)(() => queue.Offer(jobId)))],
        };
    }

    private async Task<IReadOnlyList<Reply>> DeskAsync(string command, Inbound inbound, CancellationToken cancellationToken) => command switch
    {
        StudentCommands.Attendance => await attendance.ShowAsync(inbound, cancellationToken),
        StudentCommands.MyData => await privacy.MyDataAsync(inbound, cancellationToken),
        StudentCommands.Forget => await privacy.ForgetAsync(inbound, cancellationToken),
        StudentCommands.Help => [StudentCommands.Table.Help(TextKey.StudentHelp)],
        _ => throw new InvalidOperationException($"The desk command /{command} has no desk."),
    };
}
