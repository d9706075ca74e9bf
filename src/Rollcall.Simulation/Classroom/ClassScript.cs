using System.Text.RegularExpressions;
using Rollcall.Simulation.BotApi;

namespace Rollcall.Simulation.Classroom;

/// <summary>One line of a simulated conversation: who wrote to whom, and what.</summary>
public sealed record TranscriptLine(string From, string To, string Text, bool FromBot);

/// <summary>The teacher's report as received: the message, the CSV file and the chart (PNG).</summary>
public sealed record ClassReport(string Text, byte[] Csv, byte[] Chart);

/// <summary>A simulated teacher's sign-in and session choices.</summary>
public sealed record TeacherPlan(string Phone, string Username, string Password, IReadOnlyList<string> Batches, string Subject, double Latitude, double Longitude);

/// <summary>A simulated student's check-in: ID, code, position and the video notes to send, one per attempt.</summary>
public sealed record StudentPlan(string StudentId, string? Otp, double Latitude, double Longitude, double Accuracy, IReadOnlyList<byte[]> VideoNotes);

/// <summary>
/// Plays people talking to the real bots through the Bot API emulator, reading the bots' answers as a person would:
/// the demo's scripted class and the load test both use it.
/// </summary>
public sealed partial class ClassScript(EmulatedBot teacherBot, EmulatedBot studentBot, Action<TranscriptLine> observe, TimeSpan? replyTimeout = null)
{
    private readonly TimeSpan _timeout = replyTimeout ?? SimulationDefaults.Timeout;

    /// <summary>Signs the teacher in, picks batches and subject, shares the location; returns the class code.</summary>
    public async Task<string> OpenSessionAsync(EmulatedUser teacher, TeacherPlan plan, CancellationToken cancellationToken) =>
        CodeOf(await OpenSessionMessageAsync(teacher, plan, cancellationToken));

    /// <summary>The class code on a session message.</summary>
    public static string CodeOf(BotMessage session) => CodeLine().Match(session.Text ?? "") is { Success: true } code
        ? code.Groups[1].Value
        : throw new InvalidOperationException($"No class code in: {session.Text}");

    /// <summary>As <see cref="OpenSessionAsync"/>; returns the session message (the QR picture with the code and the live counts).</summary>
    public async Task<BotMessage> OpenSessionMessageAsync(EmulatedUser teacher, TeacherPlan plan, CancellationToken cancellationToken)
    {
        var bot = teacherBot;
        await CommandAsync(teacher, bot, "/start");
        var first = await HearAsync(teacher, bot, cancellationToken);
        if (first.Buttons.Any(b => b.RequestContact))
        {
            observe(new(Name(teacher), bot.Username, $"(shares contact {plan.Phone})", false));
            await teacher.ShareContactAsync(bot, plan.Phone);
            await HearAsync(teacher, bot, cancellationToken);
            await SayAsync(teacher, bot, plan.Username);
            await HearAsync(teacher, bot, cancellationToken);
            observe(new(Name(teacher), bot.Username, "(sends the password)", false));
            await teacher.SendTextAsync(bot, plan.Password);
            await teacher.NextDeletionAsync(bot, _timeout, cancellationToken);
            observe(new(bot.Username, Name(teacher), "(deletes the password message)", true));
            first = await HearAsync(teacher, bot, cancellationToken);
        }

        var batches = first.Buttons.Any() ? first : await HearAsync(teacher, bot, cancellationToken);
        foreach (var batch in plan.Batches)
        {
            await PressAsync(teacher, bot, batches, batch);
            await teacher.NextEditAsync(bot, _timeout, cancellationToken);
        }

        await PressAsync(teacher, bot, batches, "Done");
        var subjects = await HearAsync(teacher, bot, cancellationToken);
        await PressAsync(teacher, bot, subjects, plan.Subject);
        await HearAsync(teacher, bot, cancellationToken);
        observe(new(Name(teacher), bot.Username, $"(shares location {plan.Latitude:0.00000}, {plan.Longitude:0.00000})", false));
        await teacher.SendLocationAsync(bot, plan.Latitude, plan.Longitude, horizontalAccuracy: 10);
        return await HearAsync(teacher, bot, cancellationToken);
    }

    /// <summary>Plays one student's check-in as far as the bot lets them; returns the bot's last answer.</summary>
    public async Task<string> CheckInAsync(EmulatedUser student, StudentPlan plan, string otp, CancellationToken cancellationToken)
    {
        var bot = studentBot;
        await CommandAsync(student, bot, "/start");
        await HearAsync(student, bot, cancellationToken);
        await SayAsync(student, bot, plan.StudentId);
        await HearAsync(student, bot, cancellationToken);
        await SayAsync(student, bot, plan.Otp ?? otp);
        var welcome = await HearAsync(student, bot, cancellationToken);
        if (!welcome.Text!.StartsWith("Welcome", StringComparison.Ordinal))
        {
            return welcome.Text;
        }

        observe(new(Name(student), bot.Username, $"(shares live location, ±{plan.Accuracy:0} m)", false));
        await student.SendLocationAsync(bot, plan.Latitude, plan.Longitude, plan.Accuracy, livePeriod: 900);
        var located = await HearAsync(student, bot, cancellationToken);
        if (!located.Text!.Contains("video note", StringComparison.Ordinal) || located.Text.StartsWith("Too far", StringComparison.Ordinal))
        {
            return located.Text;
        }

        var last = located.Text;
        foreach (var clip in plan.VideoNotes)
        {
            observe(new(Name(student), bot.Username, $"(records a video note, {clip.Length / 1024} KiB)", false));
            await student.SendVideoNoteAsync(bot, clip, duration: 3, length: 384);
            await HearAsync(student, bot, cancellationToken);
            last = (await HearAsync(student, bot, cancellationToken)).Text!;
            if (!last.Contains("attempt(s) left", StringComparison.Ordinal))
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Waits for the teacher's report, its CSV file and its chart.</summary>
    public async Task<ClassReport> ReportAsync(EmulatedUser teacher, TimeSpan wait, CancellationToken cancellationToken)
    {
        var report = await teacher.NextMessageAsync(teacherBot, wait, cancellationToken);
        observe(new(teacherBot.Username, Name(teacher), report.Text ?? "", true));
        var csv = await teacher.NextMessageAsync(teacherBot, _timeout, cancellationToken);
        observe(new(teacherBot.Username, Name(teacher), $"(sends {csv.File?.FileName})", true));
        var chart = await teacher.NextMessageAsync(teacherBot, _timeout, cancellationToken);
        observe(new(teacherBot.Username, Name(teacher), $"(sends a picture: {chart.Text})", true));
        return new ClassReport(report.Text ?? "", csv.File?.Bytes ?? [], chart.File?.Bytes ?? []);
    }

    private static string Name(EmulatedUser user) => user.FirstName;

    private async Task CommandAsync(EmulatedUser user, EmulatedBot bot, string command)
    {
        observe(new(Name(user), bot.Username, command, false));
        await user.SendCommandAsync(bot, command);
    }

    private async Task SayAsync(EmulatedUser user, EmulatedBot bot, string text)
    {
        observe(new(Name(user), bot.Username, text, false));
        await user.SendTextAsync(bot, text);
    }

    private async Task PressAsync(EmulatedUser user, EmulatedBot bot, BotMessage message, string button)
    {
        observe(new(Name(user), bot.Username, $"[{button}]", false));
        await user.PressButtonAsync(bot, message, button);
    }

    private async Task<BotMessage> HearAsync(EmulatedUser user, EmulatedBot bot, CancellationToken cancellationToken)
    {
        var message = await user.NextMessageAsync(bot, _timeout, cancellationToken);
        observe(new(bot.Username, Name(user), message.Text ?? $"({message.File?.FileName})", true));
        return message;
    }

    [GeneratedRegex(@"Code: (\d{6})")]
    private static partial Regex CodeLine();
}
