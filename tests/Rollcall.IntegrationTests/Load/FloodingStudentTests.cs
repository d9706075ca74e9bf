using System.Globalization;
using System.Text.Json.Nodes;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Load;

namespace Rollcall.IntegrationTests.Load;

/// <summary>
/// One student cannot stall the class (audit M1): with Telegram's flood control played by the emulator, a student
/// sending 200 messages while 30 others check in leaves their check-ins about as fast as a quiet class's.
/// </summary>
[Collection(ClassLoadCollection.Name)]
public sealed class FloodingStudentTests(FacesFixture faces)
{
    private const int Class = 30;

    // One check-in per enrolled person before the timed runs, so the quiet run does not pay the warm-up alone.
    private const int WarmUp = 6;
    private const int FloodMessages = 200;
    private const string Notice = "Too many messages. Wait a few seconds, then send one.";
    private static readonly TimeSpan Ramp = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StudentSending200Messages_WhileThirtyCheckIn_LeavesTheirP95WithinTwiceTheQuietRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(WarmUp + (2 * Class)) with { Ramp = Ramp });
        rig.StudentBot.EnforceFloodControl(new FloodControlOptions(), TimeProvider.System);
        var otp = await rig.OpenSessionAsync(ct);

        Assert.All(await rig.CheckInAsync([.. rig.Roster.Students.Take(WarmUp)], otp, TimeSpan.Zero, null, ct), r => Assert.True(r.Marked, r.LastReply));

        // The same class size, people and clips twice: first alone, then beside the flooder.
        var quiet = await rig.CheckInAsync([.. rig.Roster.Students.Skip(WarmUp).Take(Class)], otp, Ramp, null, ct);
        var quietRefusals = rig.StudentBot.TooManyRequests.Count;
        var quietCalls = rig.StudentBot.Calls.Count;
        var flooder = rig.Emulator.CreateUser("Flooder");
        var flood = FloodAsync(rig.StudentBot, flooder, ct);
        var crowded = await rig.CheckInAsync([.. rig.Roster.Students.Skip(WarmUp + Class)], otp, Ramp, null, ct);
        var floodTook = await flood;

        var (quietP95, floodP95) = (P95(quiet), P95(crowded));
        var answers = flooder.MessagesFrom(rig.StudentBot);
        var refusals = rig.StudentBot.TooManyRequests.Skip(quietRefusals).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"quiet p95 {quietP95.TotalSeconds:0.00} s, flood p95 {floodP95.TotalSeconds:0.00} s (ratio {floodP95 / quietP95:0.00}); "
            + $"flood of {FloodMessages} took {floodTook.TotalSeconds:0.0} s; flooder answered {answers.Count} times, {answers.Count(a => a.Text == Notice)} notices; "
            + $"429s: quiet run {quietRefusals}, flood run {refusals.Count} ({refusals.Count(c => c == flooder.Id)} to the flooder)");

        Assert.All(quiet, r => Assert.True(r.Marked, $"{r.StudentId} (quiet): {r.LastReply}"));
        Assert.All(crowded, r => Assert.True(r.Marked, $"{r.StudentId} (beside the flood): {r.LastReply}"));
        Assert.True(floodP95 <= 2 * quietP95, $"flood p95 {floodP95.TotalSeconds:0.00} s is over twice the quiet p95 {quietP95.TotalSeconds:0.00} s");

        // The flooder hears its notice (it queues behind the answers its admitted messages earned, paced at ~1 a second).
        while ((await flooder.NextMessageAsync(rig.StudentBot, TimeSpan.FromMinutes(1), ct)).Text != Notice)
        {
        }

        answers = flooder.MessagesFrom(rig.StudentBot);
        refusals = [.. rig.StudentBot.TooManyRequests.Skip(quietRefusals)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"after the notice: flooder answered {answers.Count} times, {answers.Count(a => a.Text == Notice)} notices; 429s of the flood run {refusals.Count} ({refusals.Count(c => c == flooder.Id)} to the flooder)");

        // One notice per flood window the flood reached (CHAT_FLOOD_WINDOW_SECONDS=10 by default), never one per message,
        // and at most the limit (CHAT_FLOOD_MAX_UPDATES=20) and its notice answered per window.
        var windows = (int)Math.Ceiling(floodTook.TotalSeconds / 10) + 1;
        Assert.InRange(answers.Count(a => a.Text == Notice), 1, windows);
        Assert.InRange(answers.Count, 1, windows * 21);

        // No 429 storm: each message meets flood control at most once on the whole (it then waits out its retry_after),
        // to the flooder as to the class.
        var sends = rig.StudentBot.Calls.Skip(quietCalls).Where(c => c.Method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && c.Method != "sendChatAction")
            .Select(c => long.Parse(JsonNode.Parse(c.ParametersJson)!["chat_id"]!.ToString(), CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(refusals.Count(c => c == flooder.Id), 0, answers.Count);
        Assert.InRange(refusals.Count(c => c != flooder.Id), 0, sends.Count(c => c != flooder.Id) - refusals.Count(c => c != flooder.Id));
    }

    /// <summary>200 messages, texts with a sticker or photo now and then, spread over the ramp so the flood lasts while the class checks in.</summary>
    private static async Task<TimeSpan> FloodAsync(EmulatedBot bot, EmulatedUser flooder, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < FloodMessages; i++)
        {
            _ = i switch
            {
                _ when i % 25 == 7 => await flooder.SendStickerAsync(bot, [0x52, 0x49, 0x46, 0x46, (byte)i]),
                _ when i % 40 == 19 => await flooder.SendPhotoAsync(bot, [0xFF, 0xD8, 0xFF, (byte)i]),
                _ => await flooder.SendTextAsync(bot, $"spam {i}"),
            };
            var due = Ramp * (i + 1) / FloodMessages;
            if (due - TimeProvider.System.GetElapsedTime(started) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return TimeProvider.System.GetElapsedTime(started);
    }

    private static TimeSpan P95(IReadOnlyList<CheckInResult> results)
    {
        var sorted = results.Select(r => r.Elapsed).Order().ToList();
        return sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
    }
}
