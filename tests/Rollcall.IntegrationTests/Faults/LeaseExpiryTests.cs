using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Telegram.StudentBot;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>One decision per job (audit M2): a lease that runs out while the job is still being checked.</summary>
public sealed class LeaseExpiryTests
{
    private const int JobDone = 5201;
    private const int JobSuperseded = 5211;

    [Fact]
    public async Task LeaseRunningOutMidCheck_SecondWorkerDecides_AndTheFirstOnesLateDecisionIsDropped()
    {
        await using var bots = await BotsHost.StartAsync(captureLogs: true);
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);
        var (checking, release) = bots.Faces.HoldNextCheck();

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        await checking.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var jobId = await ExpireTheLeaseAsync(bots);

        // Another instance's worker: the same database and bots, its own process state.
        var second = ActivatorUtilities.CreateInstance<VerificationWorker>(bots.Services);
        Assert.True(await second.ProcessAsync(jobId, Ct));
        var verdict = await student.ReplyAsync(bots.StudentBot);
        await bots.NextLogAsync(TimeSpan.FromSeconds(30), JobDone);
        release();
        var late = await bots.NextLogAsync(TimeSpan.FromSeconds(30), JobDone, JobSuperseded);

        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(verdict).Body);
        Assert.StartsWith($"{JobSuperseded} ", late, StringComparison.Ordinal);
        await using var db = bots.Database.CreateContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "present", Ct));
        Assert.Equal(1, await db.Receipts.CountAsync(Ct));
        Assert.Equal(1, await db.Outbox.CountAsync(Ct));
        Assert.Equal(2, await db.VerificationJobs.Select(j => j.Claims).SingleAsync(Ct));
        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);
    }

    /// <summary>The job's lease runs out by the database's clock while its first worker is still inside the face check.</summary>
    private static async Task<Guid> ExpireTheLeaseAsync(BotsHost bots)
    {
        var past = await bots.Database.NowAsync(Ct) - TimeSpan.FromSeconds(1);
        await using var db = bots.Database.CreateContext();
        var jobId = await db.VerificationJobs.Select(j => j.Id).SingleAsync(Ct);
        await db.VerificationJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, past), Ct);
        return jobId;
    }
}
