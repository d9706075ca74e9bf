using Rollcall.Ports;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.Receipts;
using Rollcall.Telegram.Review;
using Rollcall.Telegram.Term;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>
/// The teacher bot's turn, scoped to it. Review, enrolment and /history taps and the desk commands of <see cref="TeacherCommands"/>
/// work in any state and leave the conversation where it was; everything else is the teacher conversation.
/// </summary>
public sealed class TeacherBotHandler(
    TeacherConversation conversation, ISessionStore sessions, ReviewDesk reviews, ReceiptDesk receipts, HistoryDesk history, EnrolmentDesk enrolments)
    : IBotHandler<TeacherState>
{
    public TeacherState Start => TeacherState.Start;

    public bool IsWaiting(TeacherState state) => state.Step != TeacherStep.Idle;

    public Task<TeacherState> SettleAsync(TeacherState state, CancellationToken cancellationToken) => Task.FromResult(state);

    public async Task<BotTurn<TeacherState>> HandleAsync(Inbound inbound, TeacherState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Input is BotInput.Callback callback && callback.Data.StartsWith(ReviewButtons.Prefix, StringComparison.Ordinal))
        {
            var (replies, notices) = await reviews.DecideAsync(inbound, callback, now, cancellationToken);
            return new BotTurn<TeacherState>(state, replies) { Notices = notices };
        }

        if (inbound.Input is BotInput.Callback enrolment && enrolment.Data.StartsWith(EnrolmentButtons.Prefix, StringComparison.Ordinal))
        {
            var (replies, notices) = await enrolments.DecideAsync(inbound, enrolment, now, cancellationToken);
            return new BotTurn<TeacherState>(state, replies) { Notices = notices };
        }

        if (inbound.Input is BotInput.Callback picked && picked.Data.StartsWith(HistoryDesk.Prefix, StringComparison.Ordinal))
        {
            return new BotTurn<TeacherState>(state, await history.ShowAsync(inbound, picked, cancellationToken));
        }

        if (TeacherCommands.Table.Desk(inbound.Input) is { } desk)
        {
            return new BotTurn<TeacherState>(state, await DeskAsync(desk.Name, inbound, cancellationToken));
        }

        var turn = await conversation.StepAsync(state, inbound, sessions, now, cancellationToken);
        return new BotTurn<TeacherState>(turn.State, turn.Replies);
    }

    private async Task<IReadOnlyList<Reply>> DeskAsync(string command, Inbound inbound, CancellationToken cancellationToken) => command switch
    {
        TeacherCommands.Receipt => [await receipts.CheckAsync(inbound, ((BotInput.Command)inbound.Input).Argument, cancellationToken)],
        TeacherCommands.History => await history.ListAsync(inbound, cancellationToken),
        TeacherCommands.Help => [TeacherCommands.Table.Help(Texts.TextKey.TeacherHelp)],
        _ => throw new InvalidOperationException($"The desk command /{command} has no desk."),
    };
}
