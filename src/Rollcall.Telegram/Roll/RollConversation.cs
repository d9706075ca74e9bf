using Microsoft.Extensions.Options;
using Rollcall.Geofence;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.TeacherBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// The roll's own steps of the teacher conversation: a remark on a student (Remark… then the text) and a new centre for
/// the class area (Re-centre then the teacher's own location, checked as at opening).
/// </summary>
public sealed class RollConversation(RollStore roll, TeacherMarks marks, IOptions<ClassroomOptions> options)
{
    /// <summary>Whether this input belongs here: the two buttons, or an answer while one of them waits.</summary>
    public static bool Takes(TeacherState state, BotInput input) => input switch
    {
        BotInput.Callback c => RollButtons.Parse(c.Data) is { Action: 'm' or 'g' },
        BotInput.Command => false,
        _ => state.Step is TeacherStep.AwaitRemark or TeacherStep.AwaitRecentre,
    };

    public async Task<TeacherTurn> StepAsync(TeacherState state, Inbound inbound, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chat = inbound.ChatId;
        if (inbound.Input is BotInput.Callback callback)
        {
            return await BeginAsync(state, callback, chat, cancellationToken);
        }

        var rest = state with { Step = TeacherStep.Idle, RollSessionId = null, RollIndex = null };
        if (state is { Step: TeacherStep.AwaitRemark, RollSessionId: { } sessionId, RollIndex: { } index })
        {
            if (inbound.Input is not BotInput.Text { Value.Length: > 0 } text)
            {
                return new TeacherTurn(state, [Reply.Text(TextKey.AskRemarkAgain)]);
            }

            var row = await roll.StudentAsync(sessionId, chat, index, cancellationToken);
            var saved = row is not null && await marks.RemarkAsync(sessionId, row.StudentId, text.Value, chat, now, cancellationToken);
            return new TeacherTurn(rest, [saved ? Reply.Text(TextKey.RemarkSaved, row!.StudentId, row.Name) : Reply.Text(TextKey.RollNotFound)]);
        }

        if (state is not { Step: TeacherStep.AwaitRecentre, RollSessionId: { } recentred })
        {
            return new TeacherTurn(rest, [Reply.Text(TextKey.RollNotFound)]);
        }

        var askAgain = new Keyboard.RequestLocation(TextKey.SendLocationButton);
        if (inbound.Input is not BotInput.Location location)
        {
            return new TeacherTurn(state, [Reply.Text(askAgain, TextKey.AskRecentre)]);
        }

        return CentreCheck.Evaluate(location.Point, location.Forwarded, options.Value.DistanceLimitMetres) switch
        {
            CentreCheck.Accepted accepted when await roll.RecentreAsync(recentred, chat, accepted.Centre, now, cancellationToken) == SessionChange.Done =>
                new TeacherTurn(rest, [Reply.Text(new Keyboard.Remove(), TextKey.Recentred, accepted.Centre.AccuracyMetres ?? 0)]),
            CentreCheck.Accepted => new TeacherTurn(rest, [Reply.Text(new Keyboard.Remove(), TextKey.RollNotFound)]),
            CentreCheck.TooCoarse coarse => new TeacherTurn(state, [Reply.Text(askAgain, TextKey.TeacherLocationCoarse, coarse.Accuracy, coarse.Limit)]),
            _ => new TeacherTurn(state, [Reply.Text(askAgain, TextKey.LocationForwarded)]),
        };
    }

    private async Task<TeacherTurn> BeginAsync(TeacherState state, BotInput.Callback callback, long chat, CancellationToken cancellationToken)
    {
        var tap = RollButtons.Parse(callback.Data)!;
        var answer = new Reply.AnswerCallback(callback.CallbackId);
        if (tap.Action == 'g')
        {
            return await roll.CardAsync(tap.SessionId, chat, cancellationToken) is null
                ? new TeacherTurn(state, [answer, Reply.Text(TextKey.RollNotFound)])
                : new TeacherTurn(state with { Step = TeacherStep.AwaitRecentre, RollSessionId = tap.SessionId, RollIndex = null },
                    [answer, Reply.Text(new Keyboard.RequestLocation(TextKey.SendLocationButton), TextKey.AskRecentre)]);
        }

        return await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) is { } row
            ? new TeacherTurn(state with { Step = TeacherStep.AwaitRemark, RollSessionId = tap.SessionId, RollIndex = tap.Index },
                [answer, Reply.Text(TextKey.AskRemark, row.StudentId, row.Name, TeacherMarks.RemarkLength)])
            : new TeacherTurn(state, [answer, Reply.Text(TextKey.RollNotFound)]);
    }
}
