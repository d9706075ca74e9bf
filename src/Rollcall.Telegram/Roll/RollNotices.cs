using Rollcall.Attendance;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>A notice to the teacher about a stuck student, with the roll's buttons for that student (Mark present, Reset attempts, Unbind ID).</summary>
public static class RollNotices
{
    public static Notice Notice(long teacherChatId, Guid sessionId, int rollIndex, bool reset, TextRef text, bool unbind = false) =>
        new(BotRole.Teacher, teacherChatId, new Reply.Message(text, Buttons(sessionId, rollIndex, reset, unbind)));

    public static Keyboard.Inline Buttons(Guid sessionId, int rollIndex, bool reset, bool unbind = false)
    {
        List<InlineButton> buttons = [new(BotTexts.Format(TextKey.MarkPresentButton), RollButtons.Set(sessionId, rollIndex, MarkStatus.Present, RollButtons.FromNotice))];
        if (reset)
        {
            buttons.Add(new(BotTexts.Format(TextKey.ResetAttemptsButton), RollButtons.Reset(sessionId, rollIndex, RollButtons.FromNotice)));
        }

        if (unbind)
        {
            buttons.Add(new(BotTexts.Format(TextKey.UnbindButton), RollButtons.Unbind(sessionId, rollIndex, RollButtons.FromNotice)));
        }

        return Keyboard.Inline.Grid([buttons]);
    }
}
