using Microsoft.EntityFrameworkCore;
using Rollcall.Commands.Bench;
using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Load;
using Rollcall.Storage.Entities;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>
/// The host stops mid-class with verifications queued and a new one starts on the same database: the queue resumes,
/// no mark is lost or doubled, and the teacher gets the report once.
/// </summary>
[Collection(ClassLoadCollection.Name)]
public sealed class HostRestartTests(FacesFixture faces)
{
    private const int Students = 16;

    [Fact]
    public async Task HostStoppedWithVerificationsQueued_NewHostFinishesThemAndReportsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = ClassRigs.OneWorker(Students);
        await using var rig = await ClassRigs.StartAsync(faces, options);
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));

        var checkIns = rig.CheckInAsync(rig.Roster.Students, otp, TimeSpan.Zero, null, ct);
        Assert.True(await AllVideoNotesQueuedAsync(rig, ct), "the video notes never all reached the queue");
        await rig.StopHostAsync(TimeSpan.FromSeconds(5));
        var queuedAtStop = await rig.QueuedJobsAsync(ct);
        var leasedAtStop = await LeasedRowsAsync(rig, ct);
        await rig.StartHostAsync(ct);
        var results = await checkIns;

        Assert.True(queuedAtStop > 0, "the host was stopped after the queue had drained; nothing was left to resume");
        // An orderly stop gives its leases back, so the new host starts on the jobs at once, and the job being decided
        // at the stop is either finished with its reply or given back whole: every student hears the result.
        Assert.Equal("0 leased", leasedAtStop);
        Assert.True(results.All(r => r.Marked), await WhyNotMarkedAsync(rig, results, ct));
        Assert.All(results, r => Assert.Equal("Attendance marked: present in Load Testing.", r.LastReply));
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(2), null, ct));
        var load = await rig.ReportAsync(results, sampler, default, ct);
        Assert.True(load is { Stored: Students, Delivered: Students, PostsAccepted: 1, MissingFromLastWrite: 0, OutboxPending: 0 }, string.Join('\n', load.Lines()));

        var report = await rig.Teacher!.NextMessageAsync(rig.TeacherBot, TimeSpan.FromMinutes(4), ct);
        Assert.Contains($"Present: {Students} of {Students}", report.Text, StringComparison.Ordinal);
        var csv = await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        Assert.NotNull(csv.File);
        var chart = await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        Assert.Equal(Rollcall.Simulation.BotApi.BotFileKind.Photo, chart.File?.Kind);
        await Assert.ThrowsAsync<TimeoutException>(() => rig.Teacher.NextMessageAsync(rig.TeacherBot, TimeSpan.FromSeconds(12), ct));
        Assert.Equal(1, rig.TeacherBot.CallCount("sendDocument"));
        Assert.Equal(2, rig.TeacherBot.CallCount("sendPhoto")); // the session message and the report's chart
    }

    /// <summary>For each student not told "marked": their mark and their jobs as the database has them.</summary>
    private static async Task<string> WhyNotMarkedAsync(ClassRig rig, IReadOnlyList<CheckInResult> results, CancellationToken ct)
    {
        await using var db = rig.Database.CreateContext();
        var lines = new List<string>();
        foreach (var r in results.Where(r => !r.Marked))
        {
            var mark = await db.Marks.AsNoTracking().Where(m => m.StudentId == r.StudentId).Select(m => m.Status.ToString()).FirstOrDefaultAsync(ct);
            var jobs = await db.VerificationJobs.AsNoTracking().Where(j => j.StudentId == r.StudentId)
                .Select(j => $"{j.State}/{j.Outcome}/lease {j.LeaseUntil}").ToListAsync(ct);
            lines.Add($"{r.StudentId}: '{r.LastReply}'; mark {mark}; jobs {string.Join(", ", jobs)}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>Waits until every student's video note is a job row and some are still waiting for the one worker.</summary>
    private static async Task<bool> AllVideoNotesQueuedAsync(ClassRig rig, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var tick = 0; tick < 1200 && await timer.WaitForNextTickAsync(ct); tick++)
        {
            await using var db = rig.Database.CreateContext();
            if (await db.VerificationJobs.CountAsync(ct) == Students)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Job, outbox and report leases still held after the stop, as one line ("0 leased" when none).</summary>
    private static async Task<string> LeasedRowsAsync(ClassRig rig, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = rig.Database.CreateContext();
        var jobs = await db.VerificationJobs.CountAsync(j => j.State == JobState.Queued && j.LeaseUntil != null && j.LeaseUntil > now, ct);
        var outbox = await db.DeliveryLeases.CountAsync(l => l.LeaseUntil != null && l.LeaseUntil > now, ct);
        var reports = await db.Sessions.CountAsync(s => s.ReportSentAt == null && s.ReportClaimedUntil != null && s.ReportClaimedUntil > now, ct);
        return jobs + outbox + reports == 0 ? "0 leased" : $"{jobs} jobs, {outbox} outbox rows, {reports} reports leased";
    }
}
