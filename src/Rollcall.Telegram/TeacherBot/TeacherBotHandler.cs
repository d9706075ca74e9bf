using Rollcall.Ports;
using Rollcall.Telegram.Receipts;
using Rollcall.Telegram.Review;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>
/// The teacher bot's turn, scoped to it. Review taps and /receipt work in any state and leave the conversation where it
/// was; everything else is the teacher conversation.
/// </summary>
public sealed class TeacherBotHandler(TeacherConversation conversation, ISessionStore sessions, ReviewDesk reviews, ReceiptDesk receipts)
    : IBotHandler<TeacherState>
{
    public TeacherState Start => TeacherState.Start;

    public bool IsWaiting(TeacherState state) => state.Step != TeacherStep.Idle;

    public Task<TeacherState> SettleAsync(TeacherState state, CancellationToken cancellationToken) => Task.FromResult(state);

    public async Task<BotTurn<TeacherState>> HandleAsync(Inbound inbound, TeacherState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (inbound.Input)
        {
            case BotInput.Callback callback when callback.Data.StartsWith(ReviewButtons.Prefix, StringComparison.Ordinal):
                var (replies, notices) = await reviews.DecideAsync(inbound, callback, now, cancellationToken);
                return new BotTurn<TeacherState>(state, replies) { Notices = notices };
            case BotInput.Command { Name: "receipt" } command:
                return new BotTurn<TeacherState>(state, [await receipts.CheckAsync(inbound, command.Argument, cancellationToken)]);
        }

        var turn = await conversation.StepAsync(state, inbound, sessions, now, cancellationToken);
        return new BotTurn<TeacherState>(turn.State, turn.Replies);
    }
}
