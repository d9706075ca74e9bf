using Rollcall.Attendance;
using Rollcall.Storage.Marks;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>The roll's changes to one student: a status, fresh attempts, an unbound ID; each told to the student.</summary>
public sealed partial class RollDesk
{
    private async Task<RollTurn> SetAsync(BotInput.Callback callback, RollTap tap, long chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tap.Status is not { } status || await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) is not { } row)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        var reason = tap.Page == RollButtons.FromNotice ? "notice" : "roll";
        var outcome = await marks.ApplyAsync(tap.SessionId, row.StudentId, new MarkEvent.TeacherSet(status, reason), chat, now, cancellationToken);
        if (outcome is not TeacherMarkOutcome.Applied applied)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        var word = MarkWords.Word(status);
        var notices = Tell(applied.StudentChatId, Reply.Text(TextKey.TeacherSetStudent, word, applied.Subject), applied.Receipt);
        var toast = new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.RollSet, row.Name, word));
        return new RollTurn([toast, .. await RefreshAsync(callback, tap, chat, row, applied.StudentChatId is not null, cancellationToken)]) { Notices = notices };
    }

    private async Task<RollTurn> ResetAsync(BotInput.Callback callback, RollTap tap, long chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await roll.CardAsync(tap.SessionId, chat, cancellationToken) is not { } card
            || await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) is not { } row)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        // Fresh attempts help only while a check-in can still be made.
        if (!card.Window.AcceptsCheckIn(now) || card.ReportSentAt is not null)
        {
            return Say(callback, TextKey.ResetTooLate);
        }

        var outcome = await marks.ApplyAsync(tap.SessionId, row.StudentId, new MarkEvent.AttemptsReset(tap.Page == RollButtons.FromNotice ? "notice" : "roll"), chat, now, cancellationToken);
        if (outcome is not TeacherMarkOutcome.Applied applied)
        {
            return Say(callback, outcome is TeacherMarkOutcome.Unchanged ? TextKey.ResetNothing : TextKey.RollNotFound);
        }

        var notices = Tell(applied.StudentChatId, Reply.Text(TextKey.AttemptsResetStudent, applied.Subject, clock.Time(card.Window.GraceEndsAt)), applied.Receipt);
        var toast = new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.ResetDone, row.Name));
        return new RollTurn([toast, .. await RefreshAsync(callback, tap, chat, row, applied.StudentChatId is not null, cancellationToken)]) { Notices = notices };
    }

    private async Task<RollTurn> UnbindAsync(BotInput.Callback callback, RollTap tap, long chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) is not { } row)
        {
            return Say(callback, TextKey.RollNotFound);
        }

        if (await marks.UnbindAsync(tap.SessionId, row.StudentId, chat, now, cancellationToken) is not { } unbound)
        {
            return Say(callback, TextKey.UnbindNothing);
        }

        IReadOnlyList<Notice> notices = unbound.WaitingChatId is { } waiting
            ? [new Notice(BotRole.Student, waiting, Reply.Text(TextKey.UnboundStudent, row.StudentId))]
            : [];
        var toast = new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.UnbindDone, row.StudentId));
        return new RollTurn([toast, .. await RefreshAsync(callback, tap, chat, row, unbound.WaitingChatId is not null, cancellationToken)]) { Notices = notices };
    }

    /// <summary>After a change: the roll page or the student's card shows it; a notice loses its buttons and says what was done.</summary>
    private async Task<IReadOnlyList<Reply>> RefreshAsync(BotInput.Callback callback, RollTap tap, long chat, Storage.Roll.RollRow before, bool told, CancellationToken cancellationToken)
    {
        if (tap.Page == RollButtons.FromNotice)
        {
            var now = await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) ?? before;
            var done = tap.Action == 'u'
                ? Reply.Text(told ? TextKey.NoticeUnboundTold : TextKey.NoticeUnbound, before.StudentId, before.Name)
                : Reply.Text(told ? TextKey.NoticeDoneTold : TextKey.NoticeDone, before.StudentId, before.Name, RollView.Standing(now, clock));
            return [new Reply.EditKeyboard(callback.MessageId, new Keyboard.Inline([])), done];
        }

        if (tap.Action == 'k' || tap.Action is 'z' or 'u')
        {
            var row = await roll.StudentAsync(tap.SessionId, chat, tap.Index, cancellationToken) ?? before;
            var (text, keyboard) = RollView.Student(tap.SessionId, row, tap.Page, clock);
            return [new Reply.EditText(callback.MessageId, text, keyboard)];
        }

        var page = await roll.PageAsync(tap.SessionId, chat, tap.Page, cancellationToken);
        if (page is null)
        {
            return [];
        }

        var (pageText, pageKeyboard) = RollView.Page(page, clock);
        return [new Reply.EditText(callback.MessageId, pageText, pageKeyboard)];
    }
}
