using System.Globalization;
using System.Security.Cryptography;
using Rollcall.Lms;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Batches (multi-select with ticks) and the subject, chosen with inline buttons checked against the state.</summary>
public sealed partial class TeacherConversation
{
    private const string Tick = "✅ ";

    private async Task<TeacherTurn> ShowBatchesAsync(TeacherState state, Reply? greeting, CancellationToken cancellationToken)
    {
        Reply[] first = greeting is null ? [] : [greeting];
        switch (await lms.GetPendingAsync(state.TeacherId!.Value, cancellationToken))
        {
            case LmsResult<IReadOnlyList<BatchSubjects>>.Ok { Value.Count: > 0 } pending:
                var next = state with { Step = TeacherStep.ChooseBatches, Pending = pending.Value, Selected = [], KeyboardToken = NewToken() };
                return new TeacherTurn(next, [.. first, Reply.Text(BatchKeyboard(next), TextKey.ChooseBatches)]);
            case LmsResult<IReadOnlyList<BatchSubjects>>.Ok:
                return new TeacherTurn(TeacherState.Start, [.. first, Reply.Text(TextKey.NothingPending)]);
            case LmsResult<IReadOnlyList<BatchSubjects>>.WrongCredentials:
                return new TeacherTurn(TeacherState.Start with { Step = TeacherStep.AwaitContact }, [.. first, AskContact(TextKey.SignInAgain)]);
            default:
                return new TeacherTurn(TeacherState.Start, [.. first, Reply.Text(TextKey.LmsUnavailable, new TextRef(TextKey.RetryStart))]);
        }
    }

    private static TeacherTurn OnCallback(TeacherState state, BotInput.Callback callback)
    {
        var parts = callback.Data.Split(':');
        var index = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        var current = state.KeyboardToken.Length > 0 && parts[0] == state.KeyboardToken;
        return (current, state.Step, parts.Length > 1 ? parts[1] : "") switch
        {
            (true, TeacherStep.ChooseBatches, "b") when index >= 0 && index < state.Pending.Count => Toggle(state, callback, index),
            (true, TeacherStep.ChooseBatches, "done") => ChooseSubject(state, callback),
            (true, TeacherStep.ChooseSubject, "s") when index >= 0 && index < state.Subjects.Count => AskLocation(state, callback, state.Subjects[index]),
            _ => new TeacherTurn(state,
            [
                new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.ButtonExpired)),
                Reply.Text(TextKey.ButtonExpired),
            ]),
        };
    }

    private static TeacherTurn Toggle(TeacherState state, BotInput.Callback callback, int index)
    {
        var selected = state.Selected.Contains(index) ? state.Selected.Where(s => s != index).ToList() : [.. state.Selected, index];
        var next = state with { Selected = selected };
        return new TeacherTurn(next,
        [
            new Reply.AnswerCallback(callback.CallbackId),
            new Reply.EditKeyboard(callback.MessageId, BatchKeyboard(next)),
        ]);
    }

    private static TeacherTurn ChooseSubject(TeacherState state, BotInput.Callback callback)
    {
        if (state.Selected.Count == 0)
        {
            return new TeacherTurn(state, [new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.SelectAtLeastOneBatch))]);
        }

        var chosen = state.Selected.Order().Select(i => state.Pending[i]).ToList();
        var common = chosen[0].Subjects.Where(s => chosen.All(b => b.Subjects.Contains(s))).Distinct().ToList();
        if (common.Count == 0)
        {
            return new TeacherTurn(state, [new Reply.AnswerCallback(callback.CallbackId), Reply.Text(TextKey.NoCommonSubject)]);
        }

        var next = state with { Step = TeacherStep.ChooseSubject, Subjects = common, KeyboardToken = NewToken() };
        var buttons = common.Select((s, i) => new InlineButton(s, $"{next.KeyboardToken}:s:{i}")).ToList();
        return new TeacherTurn(next,
        [
            new Reply.AnswerCallback(callback.CallbackId),
            new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([])),
            Reply.Text(new Keyboard.Inline(buttons), TextKey.ChooseSubject),
        ]);
    }

    private static TeacherTurn AskLocation(TeacherState state, BotInput.Callback callback, string subject)
    {
        var next = state with { Step = TeacherStep.AwaitLocation, Subject = subject, KeyboardToken = "" };
        return new TeacherTurn(next,
        [
            new Reply.AnswerCallback(callback.CallbackId),
            new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([])),
            Reply.Text(new Keyboard.RequestLocation(TextKey.SendLocationButton), TextKey.AskTeacherLocation),
        ]);
    }

    private static Keyboard.Inline BatchKeyboard(TeacherState state)
    {
        var buttons = state.Pending
            .Select((b, i) => new InlineButton((state.Selected.Contains(i) ? Tick : "") + b.Batch, $"{state.KeyboardToken}:b:{i}"))
            .Append(new InlineButton(BotTexts.Format(TextKey.DoneButton), $"{state.KeyboardToken}:done"))
            .ToList();
        return new Keyboard.Inline(buttons);
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
}
