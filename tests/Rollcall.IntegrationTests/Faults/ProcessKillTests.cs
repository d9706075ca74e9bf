using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Load;
using Rollcall.Storage.Entities;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>
/// `rollcall run` as its own process, killed with SIGKILL mid-class and started again on the same database: no mark is
/// lost or doubled, the queued verifications resume (the killed process's lease runs out), the report goes out once.
/// </summary>
[Collection(ClassLoadCollection.Name)]
public sealed class ProcessKillTests(FacesFixture faces)
{
    private const int Students = 12;

    [Fact]
    public async Task HostKilledMidClass_RestartedProcessFinishes_NothingLostOrDoubled_ReportOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = ClassRigs.OneWorker(Students) with { ResultTimeout = TimeSpan.FromMinutes(3) };
        await using var rig = await ClassRigs.StartAsync(faces, options);
        await rig.StopHostAsync(TimeSpan.FromSeconds(5));
        await rig.StartHostProcessAsync(ct);
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));

        var checkIns = rig.CheckInAsync(rig.Roster.Students, otp, TimeSpan.Zero, null, ct);
        Assert.True(await MidClassAsync(rig, ct), "the class never reached the point to kill it");
        await rig.KillHostProcessAsync();
        var queuedAtKill = await rig.QueuedJobsAsync(ct);
        await rig.StartHostProcessAsync(ct);
        var results = await checkIns;

        Assert.True(queuedAtKill > 0, "the queue had drained before the kill; nothing was left to resume");

        // A reply whose decision was committed just before the kill is lost with the process (one worker: at most one).
        Assert.InRange(results.Count(r => !r.Marked), 0, 1);
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(2), null, ct));
        var load = await rig.ReportAsync(results, sampler, default, ct);
        Assert.True(load is { Stored: Students, Delivered: Students, PostsAccepted: 1, MissingFromLastWrite: 0, OutboxPending: 0 }, string.Join('\n', load.Lines()));
        await using (var db = rig.Database.CreateContext())
        {
            Assert.Equal(Students, await db.VerificationJobs.CountAsync(j => j.State == JobState.Done, ct));
            Assert.Equal(Students, await db.AuditLog.CountAsync(a => a.Action == "present", ct));
        }

        var report = await rig.Teacher!.NextMessageAsync(rig.TeacherBot, TimeSpan.FromMinutes(4), ct);
        Assert.Contains($"Present: {Students} of {Students}", report.Text, StringComparison.Ordinal);
        await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        await rig.Teacher.NextMessageAsync(rig.TeacherBot, null, ct);
        await Assert.ThrowsAsync<TimeoutException>(() => rig.Teacher.NextMessageAsync(rig.TeacherBot, TimeSpan.FromSeconds(12), ct));
        Assert.Equal(1, rig.TeacherBot.CallCount("sendDocument"));
    }

    /// <summary>Waits until every video note is a job row, some are decided and some still wait for the one worker.</summary>
    private static async Task<bool> MidClassAsync(Commands.Bench.ClassRig rig, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var tick = 0; tick < 1800 && await timer.WaitForNextTickAsync(ct); tick++)
        {
            await using var db = rig.Database.CreateContext();
            var jobs = await db.VerificationJobs.Select(j => j.State).ToListAsync(ct);
            if (jobs.Count == Students && jobs.Count(s => s == JobState.Done) >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
