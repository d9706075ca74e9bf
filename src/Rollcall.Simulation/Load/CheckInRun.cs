using System.Diagnostics;
using Rollcall.Simulation.BotApi;

namespace Rollcall.Simulation.Load;

/// <summary>How one simulated student's check-in ended: the bot's last answer and the wait from video note to result.</summary>
public sealed record CheckInResult(string StudentId, string LastReply, TimeSpan? VideoToResult)
{
    /// <summary>The receipt code that ended the reply, if any.</summary>
    public string? Receipt { get; init; }

    public const string MarkedPrefix = "Attendance marked";

    public bool Marked => LastReply.StartsWith(MarkedPrefix, StringComparison.Ordinal);

    /// <summary>From the student's first message (/start) to the bot's last answer (the decision, when it came).</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// One student's check-in against the real student bot, timed: ID, code, live location, one video note. Unlike the
/// demo's ClassScript it keeps no transcript and measures the wait for the verification result.
/// </summary>
public sealed class CheckInRun(EmulatedBot studentBot, TimeSpan replyTimeout, TimeSpan resultTimeout)
{
    /// <summary>What a student is left with when the bot stops answering (a lost reply): the run goes on, the count shows it.</summary>
    public const string NoAnswer = "(no answer)";

    /// <summary>Plays the check-in; a bot that stops answering ends it with <see cref="NoAnswer"/> instead of failing the run.</summary>
    public async Task<CheckInResult> PlayAsync(
        EmulatedUser user, string studentId, string otp, (double Latitude, double Longitude) at, byte[] videoNote, CancellationToken cancellationToken)
    {
        var sent = (long?)null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await PlayCoreAsync(user, studentId, otp, at, videoNote, t => sent = t, cancellationToken) with { Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (TimeoutException e)
        {
            return new CheckInResult(studentId, $"{NoAnswer} {e.Message}", sent is { } t ? Stopwatch.GetElapsedTime(t) : null) { Elapsed = Stopwatch.GetElapsedTime(started) };
        }
    }

    private async Task<CheckInResult> PlayCoreAsync(
        EmulatedUser user, string studentId, string otp, (double Latitude, double Longitude) at, byte[] videoNote, Action<long> videoSent, CancellationToken cancellationToken)
    {
        await user.SendCommandAsync(studentBot, "/start");
        await HearAsync(user, cancellationToken);
        await user.SendTextAsync(studentBot, studentId);
        await HearAsync(user, cancellationToken);
        await user.SendTextAsync(studentBot, otp);
        var welcome = await HearAsync(user, cancellationToken);
        if (!welcome.StartsWith("Welcome", StringComparison.Ordinal))
        {
            return new CheckInResult(studentId, welcome, null);
        }

        await user.SendLocationAsync(studentBot, at.Latitude, at.Longitude, horizontalAccuracy: 8, livePeriod: 900);
        var located = await HearAsync(user, cancellationToken);
        if (!located.Contains("video note", StringComparison.Ordinal) || located.StartsWith("Too far", StringComparison.Ordinal))
        {
            return new CheckInResult(studentId, located, null);
        }

        var sent = Stopwatch.GetTimestamp();
        videoSent(sent);
        await user.SendVideoNoteAsync(studentBot, videoNote, duration: 3, length: 384);
        var processing = await HearAsync(user, cancellationToken);
        if (!processing.StartsWith("Processing", StringComparison.Ordinal))
        {
            return new CheckInResult(studentId, processing, Stopwatch.GetElapsedTime(sent));
        }

        var result = await user.NextMessageAsync(studentBot, resultTimeout, cancellationToken);
        var (reply, receipt) = ReceiptLine.Split(result.Text ?? "");
        return new CheckInResult(studentId, reply, Stopwatch.GetElapsedTime(sent)) { Receipt = receipt };
    }

    private async Task<string> HearAsync(EmulatedUser user, CancellationToken cancellationToken) =>
        (await user.NextMessageAsync(studentBot, replyTimeout, cancellationToken)).Text ?? "";
}
