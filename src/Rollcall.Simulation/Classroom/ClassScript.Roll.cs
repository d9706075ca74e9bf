using Rollcall.Simulation.BotApi;

namespace Rollcall.Simulation.Classroom;

/// <summary>The teacher's side of a class in progress: the live counts, the roll's taps, a remark, /report.</summary>
public sealed partial class ClassScript
{
    /// <summary>
    /// Follows the live roll's edits of <paramref name="session"/>, telling each new counts line, until one satisfies
    /// <paramref name="until"/> (or the current version already does).
    /// </summary>
    public async Task<string> WatchCountsAsync(EmulatedUser teacher, BotMessage session, Func<string, bool> until, CancellationToken cancellationToken)
    {
        // Edits passed over while waiting for something else are already in the current version.
        var shown = CountsOf(session);
        if (teacher.CurrentMessage(teacherBot, session.MessageId) is { } current && CountsOf(current) is var now && now != shown)
        {
            observe(new(teacherBot.Username, Name(teacher), $"(the session message now) {now}", true));
            shown = now;
        }

        while (!until(shown))
        {
            var edit = await teacher.NextEditAsync(teacherBot, _timeout, cancellationToken);
            if (edit.MessageId == session.MessageId && CountsOf(edit) is { } counts && counts != shown)
            {
                observe(new(teacherBot.Username, Name(teacher), $"(edits the session message) {counts}", true));
                shown = counts;
            }
        }

        return shown;
    }

    /// <summary>The next message the bot sends the teacher, told as it comes.</summary>
    public Task<BotMessage> HearTeacherAsync(EmulatedUser teacher, CancellationToken cancellationToken) => HearAsync(teacher, teacherBot, cancellationToken);

    /// <summary>Taps a button of a teacher's message; returns the bot's toast for it, told as it comes.</summary>
    public async Task<string?> TapAsync(EmulatedUser teacher, BotMessage message, string button, CancellationToken cancellationToken)
    {
        observe(new(Name(teacher), teacherBot.Username, $"[{button}]", false));
        var press = await teacher.PressButtonAsync(teacherBot, message, button);
        return await ToastAsync(teacher, press, cancellationToken);
    }

    /// <summary>Taps the status <paramref name="letter"/> (P, L, E, A) on the roll line of <paramref name="name"/>; returns the edited page.</summary>
    public async Task<BotMessage> TapStatusAsync(EmulatedUser teacher, BotMessage page, string name, string letter, CancellationToken cancellationToken)
    {
        var current = teacher.CurrentMessage(teacherBot, page.MessageId) ?? page;
        var line = current.Keyboard?.Rows.FirstOrDefault(r => r.Count > 0 && r[0].Text.EndsWith(" " + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No roll line for {name} in: {current.Text}");
        var button = line.First(b => b.Text.TrimStart('•') == letter);
        observe(new(Name(teacher), teacherBot.Username, $"[{letter}] on {name}'s line", false));
        await ToastAsync(teacher, await teacher.PressAsync(teacherBot, page, button.CallbackData!), cancellationToken);
        return await EditOfAsync(teacher, page.MessageId, cancellationToken);
    }

    /// <summary>Opens <paramref name="name"/>'s card from the roll page and adds a remark; returns the bot's answer.</summary>
    public async Task<string> RemarkAsync(EmulatedUser teacher, BotMessage page, string name, string remark, CancellationToken cancellationToken)
    {
        var current = teacher.CurrentMessage(teacherBot, page.MessageId) ?? page;
        var line = current.Buttons.First(b => b.Text.EndsWith(" " + name, StringComparison.Ordinal));
        var card = await TapForEditAsync(teacher, current, line.Text, cancellationToken);
        await TapAsync(teacher, card, "Add a remark", cancellationToken);
        await HearAsync(teacher, teacherBot, cancellationToken);
        await SayAsync(teacher, teacherBot, remark);
        return (await HearAsync(teacher, teacherBot, cancellationToken)).Text ?? "";
    }

    /// <summary>Taps a button that edits its own message (a roll page, a student's card); returns the edited message, told.</summary>
    public async Task<BotMessage> TapForEditAsync(EmulatedUser teacher, BotMessage message, string button, CancellationToken cancellationToken)
    {
        await TapAsync(teacher, message, button, cancellationToken);
        var edited = await EditOfAsync(teacher, message.MessageId, cancellationToken);
        observe(new(teacherBot.Username, Name(teacher), $"(edits the message) {edited.Text}", true));
        return edited;
    }

    /// <summary>Sends /report and waits for the report again, its CSV file and its chart.</summary>
    public async Task<ClassReport> ReportAgainAsync(EmulatedUser teacher, CancellationToken cancellationToken)
    {
        await CommandAsync(teacher, teacherBot, "/report");
        return await ReportAsync(teacher, _timeout, cancellationToken);
    }

    /// <summary>The next message of <paramref name="student"/>'s chat, told as it comes.</summary>
    public Task<BotMessage> HearStudentAsync(EmulatedUser student, CancellationToken cancellationToken) => HearAsync(student, studentBot, cancellationToken);

    private static string CountsOf(BotMessage session) =>
        session.Text?.Split('\n').LastOrDefault(l => l.StartsWith("Present ", StringComparison.Ordinal)) ?? "";

    private async Task<string?> ToastAsync(EmulatedUser teacher, string press, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await teacher.NextCallbackAnswerAsync(teacherBot, _timeout, cancellationToken);
            if (answer.CallbackQueryId == press)
            {
                if (answer.Text is { Length: > 0 } toast)
                {
                    observe(new(teacherBot.Username, Name(teacher), $"(toast) {toast}", true));
                }

                return answer.Text;
            }
        }
    }

    // The live roll edits the session message too; those edits are passed over here.
    private async Task<BotMessage> EditOfAsync(EmulatedUser teacher, int messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var edit = await teacher.NextEditAsync(teacherBot, _timeout, cancellationToken);
            if (edit.MessageId == messageId)
            {
                return edit;
            }
        }
    }
}
