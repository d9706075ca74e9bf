using System.Text.RegularExpressions;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Lms;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>The teacher's way to the live roll over HTTP: sign in against the LMS, open a session, open the roll, tap.</summary>
internal static partial class RollSteps
{
    public const double Latitude = 12.97160;
    public const double Longitude = 77.59460;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An <see cref="LmsServer"/> with the sample seed (teacher@example.edu, B-101 Python: ST-001, ST-002, ST-003).</summary>
    public static async Task<LmsServer> StartLmsAsync()
    {
        var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(Ct);
        return lms;
    }

    /// <summary>Signs in with the LMS's credentials, picks the batches and the subject, sends the location: the session message.</summary>
    public static Task<BotMessage> OpenAsync(BotsHost bots, EmulatedUser teacher, string batch = "B-101", string subject = "Python") =>
        OpenAsync(bots, teacher, batch, subject, "teacher@example.edu", "teach-pass");

    /// <summary>As above with the built-in roster's teacher (rao, batches CS-A and CS-B in Maths).</summary>
    public static Task<BotMessage> OpenRosterAsync(BotsHost bots, EmulatedUser teacher, string batch = "CS-A") =>
        OpenAsync(bots, teacher, batch, "Maths", BotsHost.Username, BotsHost.Password);

    private static async Task<BotMessage> OpenAsync(BotsHost bots, EmulatedUser teacher, string batch, string subject, string username, string password)
    {
        var bot = bots.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        var first = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        if (first.Buttons.Any(b => b.RequestContact))
        {
            await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
            await teacher.NextMessageAsync(bot, cancellationToken: Ct);
            await teacher.SendTextAsync(bot, username);
            await teacher.NextMessageAsync(bot, cancellationToken: Ct);
            await teacher.SendTextAsync(bot, password);
            await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
            first = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        }
        else
        {
            first = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        }

        await teacher.PressButtonAsync(bot, first, batch);
        await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, first, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, subjects, subject);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendLocationAsync(bot, Latitude, Longitude, horizontalAccuracy: 10);
        var opened = await teacher.NextMessageAsync(bot, cancellationToken: Ct);

        // A session that exists already is named first, then shown.
        return opened.File is null ? await teacher.NextMessageAsync(bot, cancellationToken: Ct) : opened;
    }

    public static string CodeOf(BotMessage sessionMessage) => CodeLine().Match(sessionMessage.Text!).Groups[1].Value;

    /// <summary>Taps Roll on the session message: the roll's first page, as a new message.</summary>
    public static async Task<BotMessage> RollAsync(BotsHost bots, EmulatedUser teacher, BotMessage sessionMessage)
    {
        await TapAsync(bots, teacher, sessionMessage, "Roll");
        return await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
    }

    /// <summary>Taps the status <paramref name="letter"/> on the roll line of the student at <paramref name="index"/>; returns the toast and the edited page.</summary>
    public static async Task<(string? Toast, BotMessage Page)> TapLineAsync(BotsHost bots, EmulatedUser teacher, BotMessage page, int index, string letter)
    {
        var row = teacher.CurrentMessage(bots.TeacherBot, page.MessageId)!.Keyboard!.Rows.Single(r => r[0].Text.StartsWith($"{index + 1} ", StringComparison.Ordinal));
        var press = await teacher.PressAsync(bots.TeacherBot, page, row.Single(b => b.Text.TrimStart('•') == letter).CallbackData!);
        var toast = await AnswerAsync(bots, teacher, press);
        return (toast, await EditOfAsync(bots, teacher, page.MessageId));
    }

    /// <summary>Presses the button with <paramref name="text"/> on a message; returns the toast of the answer to that press.</summary>
    public static async Task<string?> TapAsync(BotsHost bots, EmulatedUser teacher, BotMessage message, string text) =>
        await AnswerAsync(bots, teacher, await teacher.PressButtonAsync(bots.TeacherBot, message, text));

    /// <summary>The bot's answer to the press <paramref name="callbackId"/> (earlier presses' answers are passed over).</summary>
    public static async Task<string?> AnswerAsync(BotsHost bots, EmulatedUser teacher, string callbackId)
    {
        while (true)
        {
            var answer = await teacher.NextCallbackAnswerAsync(bots.TeacherBot, cancellationToken: Ct);
            if (answer.CallbackQueryId == callbackId)
            {
                return answer.Text;
            }
        }
    }

    /// <summary>The next edit of message <paramref name="messageId"/> (the live roll's edits of the session message are passed over).</summary>
    public static async Task<BotMessage> EditOfAsync(BotsHost bots, EmulatedUser teacher, int messageId)
    {
        while (true)
        {
            var edit = await teacher.NextEditAsync(bots.TeacherBot, cancellationToken: Ct);
            if (edit.MessageId == messageId)
            {
                return edit;
            }
        }
    }

    /// <summary>Waits for the live roll's edit of the session message that satisfies <paramref name="until"/>.</summary>
    public static async Task<BotMessage> SessionEditAsync(BotsHost bots, EmulatedUser teacher, Func<BotMessage, bool> until, TimeSpan? wait = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(wait ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var edit = await teacher.NextEditAsync(bots.TeacherBot, wait ?? TimeSpan.FromSeconds(60), limit.Token);
            if (edit.File?.FileName == "class-code.png" || edit.Text?.StartsWith("Session open.", StringComparison.Ordinal) == true)
            {
                if (until(edit))
                {
                    return edit;
                }
            }
        }
    }

    [GeneratedRegex(@"Code: (\d{6})")]
    private static partial Regex CodeLine();
}
