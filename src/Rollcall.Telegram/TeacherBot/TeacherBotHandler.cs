using Rollcall.Ports;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Enrolment;
using Rollcall.Telegram.Receipts;
using Rollcall.Telegram.Review;
using Rollcall.Telegram.Roll;
using Rollcall.Telegram.Term;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>
/// The teacher bot's turn, scoped to it. Review, enrolment, /history and roll taps and the desk commands of
/// <see cref="TeacherCommands"/> work in any state and leave the conversation where it was; the roll's remark and
/// re-centring are its own steps; everything else is the teacher conversation. A session it opens (or finds open) is shown
/// with its live message.
/// </summary>
public sealed class TeacherBotHandler(
    TeacherConversation conversation,
    ISessionStore sessions,
    ReviewDesk reviews,
    ReceiptDesk receipts,
    RollDesk roll,
    RollConversation rollSteps,
    SessionsDesk today,
    RollStore rollStore,
    SessionMessages messages,
    HistoryDesk history,
    EnrolmentDesk enrolments) : IBotHandler<TeacherState>
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

        if (RollConversation.Takes(state, inbound.Input))
        {
            var step = await rollSteps.StepAsync(state, inbound, now, cancellationToken);
            return new BotTurn<TeacherState>(step.State, step.Replies);
        }

        if (inbound.Input is BotInput.Callback tap && tap.Data.StartsWith(RollButtons.Prefix, StringComparison.Ordinal))
        {
            var turn = await roll.TapAsync(inbound, tap, now, cancellationToken);
            return new BotTurn<TeacherState>(state, turn.Replies) { Notices = turn.Notices, AfterSent = turn.AfterSent };
        }

        if (TeacherCommands.Table.Desk(inbound.Input) is { } desk)
        {
            return new BotTurn<TeacherState>(state, await DeskAsync(desk.Name, inbound, now, cancellationToken));
        }

        var next = await conversation.StepAsync(state, inbound, sessions, now, cancellationToken);
        if (next.ShowSession is { } sessionId && await rollStore.CardAsync(sessionId, inbound.ChatId, cancellationToken) is { } card)
        {
            var (message, afterSent) = await messages.ShowAsync(card, now, cancellationToken);
            return new BotTurn<TeacherState>(next.State, [.. next.Replies, message]) { AfterSent = afterSent };
        }

        return new BotTurn<TeacherState>(next.State, next.Replies);
    }

    private async Task<IReadOnlyList<Reply>> DeskAsync(string command, Inbound inbound, DateTimeOffset now, CancellationToken cancellationToken) => command switch
    {
        TeacherCommands.Sessions => await today.SessionsAsync(inbound, now, cancellationToken),
        TeacherCommands.Report => await today.ReportAsync(inbound, now, cancellationToken),
        TeacherCommands.Receipt => [await receipts.CheckAsync(inbound, ((BotInput.Command)inbound.Input).Argument, cancellationToken)],
        TeacherCommands.History => await history.ListAsync(inbound, cancellationToken),
        TeacherCommands.Help => [TeacherCommands.Table.Help(Texts.TextKey.TeacherHelp)],
        _ => throw new InvalidOperationException($"The desk command /{command} has no desk."),
    };
}
