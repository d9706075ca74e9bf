using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Load;
using Rollcall.Storage.Entities;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>
/// `rollcall run` as its own process, killed with SIGKILL 20 times at random moments of a 30-student class and started
/// again on the same database each time: no mark is lost or doubled, every student hears their verdict, each repeated
/// verdict is explained by a kill while its send was in flight, one POST per batch/subject/date, one report.
/// </summary>
[Collection(ClassLoadCollection.Name)]
public sealed partial class ProcessKillTests(FacesFixture faces)
{
    private const int Students = 30;
    private const int Kills = 20;

    [Fact]
    public async Task TwentyKillsMidClass_NothingLostOrDoubled_EveryVerdictHeard_RepeatsExplained_ReportOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.GetEnvironmentVariable("ROLLCALL_KILL_SEED") is { } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"kill seed {seed} (ROLLCALL_KILL_SEED={seed} repeats it)");
        var random = new Random(seed);

        // Short calls keep the killed processes' leases short (they derive from the timeouts); the report comes after the kills.
        var options = ClassRigs.OneWorker(Students) with
        {
            OtpSeconds = 60,
            ReportDelaySeconds = 150,
            ResultTimeout = TimeSpan.FromMinutes(5),
            Settings = new Dictionary<string, string?>
            {
                // A job's lease: 2 x 3 s + 2 x 8 s + 30 s = 52 s; a reply row's: 3 s + 25 s + 30 s = 58 s.
                ["VERIFY_WORKERS"] = "2",
                ["HTTP_TIMEOUT_SECONDS"] = "3",
                ["FACE_VIDEO_TIMEOUT_SECONDS"] = "8",
                ["Logging:LogLevel:Rollcall.Telegram.Updates.ReplyRelay"] = "Information",
                ["Logging:Console:FormatterName"] = "simple",
                ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            },
        };
        await using var rig = await ClassRigs.StartAsync(faces, options);
        await rig.StopHostAsync(TimeSpan.FromSeconds(5));
        await rig.StartHostProcessAsync(ct);
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));
        var started = TimeProvider.System.GetTimestamp();

        // The kills begin once every note is a job: from then on the class is the worker, the reply relay and the LMS outbox.
        var checkIns = rig.CheckInAsync(rig.Roster.Students, otp, TimeSpan.Zero, null, ct);
        Assert.True(await AllNotesQueuedAsync(rig, ct), "the class never queued every note");
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 3000)), ct);
            await rig.KillHostProcessAsync();
            await rig.StartHostProcessAsync(ct);
        }

        var killPhase = TimeProvider.System.GetElapsedTime(started);
        var results = await checkIns;
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(3), null, ct));
        var load = await rig.ReportAsync(results, sampler, default, ct);
        Assert.True(load is { Stored: Students, Delivered: Students, PostsAccepted: 1, MissingFromLastWrite: 0, OutboxPending: 0 }, string.Join('\n', load.Lines()));
        await using (var db = rig.Database.CreateContext())
        {
            Assert.Equal(Students, await db.Marks.CountAsync(ct));
            Assert.Equal(Students, await db.VerificationJobs.CountAsync(j => j.State == JobState.Done, ct));
            Assert.Equal(Students, await db.AuditLog.CountAsync(a => a.Action == "present", ct));
        }

        var (delivered, repeats, unexplained) = await VerdictsAsync(rig, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"kills {Kills}, verdicts delivered {delivered.Count(d => d > 0)} of {Students}, repeats {repeats}, unexplained {unexplained}, kill phase {killPhase.TotalSeconds:0} s");
        Assert.Equal(Students, delivered.Count);
        Assert.All(delivered, copies => Assert.True(copies >= 1, "a student never heard their verdict"));
        Assert.Equal(0, unexplained);
        Assert.All(results, r => Assert.True(r.Marked, $"{r.StudentId}: {r.LastReply}"));

        var report = await rig.Teacher!.NextMessageAsync(rig.TeacherBot, TimeSpan.FromMinutes(4), ct);
        Assert.Contains($"Present: {Students} of {Students}", report.Text, StringComparison.Ordinal);
        await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        await Assert.ThrowsAsync<TimeoutException>(() => rig.Teacher.NextMessageAsync(rig.TeacherBot, TimeSpan.FromSeconds(12), ct));
        Assert.Equal(1, rig.TeacherBot.CallCount("sendDocument"));
        TestContext.Current.TestOutputHelper?.WriteLine($"whole test {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s after the session opened");
    }

    /// <summary>
    /// Per student verdict row: how many copies the chat received (the emulator's sendMessage calls), the repeats in all,
    /// and how many repeats no kill explains. A repeat is explained by a killed process that logged "sending" for that row
    /// and never "sent" for the same claim: Telegram took the message, the mark died with the process.
    /// </summary>
    private static async Task<(List<int> Delivered, int Repeats, int Unexplained)> VerdictsAsync(Commands.Bench.ClassRig rig, CancellationToken ct)
    {
        await using var db = rig.Database.CreateContext();
        var rows = await db.Replies.Where(r => r.Bot == "Student").Select(r => new { r.Id, r.ChatId, r.Payload }).ToListAsync(ct);
        var calls = rig.StudentBot.Calls.Where(c => c.Method == "sendMessage").Select(c => JsonNode.Parse(c.ParametersJson)!)
            .Select(p => ((long)p["chat_id"]!, (string?)p["text"] ?? "")).ToList();
        var inFlight = rig.ProcessOutput.SkipLast(1).SelectMany(InFlightRows).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        List<int> delivered = [];
        var (repeats, unexplained) = (0, 0);
        foreach (var row in rows.Where(r => ((string?)JsonNode.Parse(r.Payload)!["text"] ?? "").StartsWith(CheckInResult.MarkedPrefix, StringComparison.Ordinal)))
        {
            var text = (string)JsonNode.Parse(row.Payload)!["text"]!;
            var copies = calls.Count(c => c == (row.ChatId, text));
            delivered.Add(copies);
            repeats += Math.Max(0, copies - 1);
            unexplained += Math.Max(0, copies - 1 - inFlight.GetValueOrDefault(row.Id));
        }

        return (delivered, repeats, unexplained);
    }

    /// <summary>Rows one process was sending when it died: "sending" logged for a claim with no "sent" for it.</summary>
    private static IEnumerable<long> InFlightRows(IReadOnlyList<string> output)
    {
        var sending = output.Select(l => SendingLine().Match(l)).Where(m => m.Success).Select(m => (long.Parse(m.Groups[1].Value), m.Groups[2].Value)).ToHashSet();
        var sent = output.Select(l => SentLine().Match(l)).Where(m => m.Success).Select(m => (long.Parse(m.Groups[1].Value), m.Groups[2].Value));
        sending.ExceptWith(sent);
        return sending.Select(s => s.Item1);
    }

    /// <summary>Waits until every student's video note is a job row.</summary>
    private static async Task<bool> AllNotesQueuedAsync(Commands.Bench.ClassRig rig, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var tick = 0; tick < 1800 && await timer.WaitForNextTickAsync(ct); tick++)
        {
            await using var db = rig.Database.CreateContext();
            if (await db.VerificationJobs.CountAsync(ct) == Students)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\[5050\] Reply row (\d+) claim (\d+): sending")]
    private static partial Regex SendingLine();

    [GeneratedRegex(@"\[5051\] Reply row (\d+) claim (\d+): sent")]
    private static partial Regex SentLine();
}
