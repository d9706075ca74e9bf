using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Ports;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Sessions;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>Claims of a job fenced by their number (audit M2): a decision late past its lease is dropped whole.</summary>
public abstract partial class BotStoreSuite
{
    [Fact]
    public async Task DecisionOfAnExpiredClaim_IsDropped_AfterTheNextClaimDecided()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);
        var first = (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!;
        await ExpireLeaseAsync(database, queued.JobId);

        var second = (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!;
        var decided = await store.CompleteAsync(second, new FaceCheck.Match(90, 0.9, 10, 70), true, TwoAttempts, Now, Ct);
        var late = await store.CompleteAsync(first, new FaceCheck.Mismatch(40, 0.9, 10, 70), true, TwoAttempts, Now, Ct);

        Assert.Equal((1, 2), (first.Claims, second.Claims));
        Assert.Equal(MarkStatus.Present, decided.Status);
        Assert.True(late.IsSuperseded);
        await using var db = database.CreateContext();
        var mark = await db.Marks.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((MarkStatus.Present, 1), (mark.Status, mark.AttemptsUsed));
        Assert.Equal(["session-opened", "present"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(1, await db.Receipts.CountAsync(Ct));
        Assert.Equal(1, await db.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task ExpiredClaim_CanNeitherDeferNorGiveBackTheNextClaimsJob()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);
        var first = (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!;
        await ExpireLeaseAsync(database, queued.JobId);
        var second = (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!;

        await store.ReleaseAsync(first, Ct);
        await store.DeferAsync(first, TimeSpan.Zero, notTheNotes: false, Ct);

        Assert.Null(await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct));
        await store.ReleaseAsync(second, Ct);
        Assert.Equal(3, (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))?.Claims);
    }

    [Fact]
    public async Task Tries_CountClaimsThatEndedBadly_NotThoseGivenBackOrDeferredForTelegram()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);

        await store.ReleaseAsync((await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!, Ct);
        await store.DeferAsync((await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!, TimeSpan.Zero, notTheNotes: true, Ct);
        await store.DeferAsync((await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!, TimeSpan.Zero, notTheNotes: false, Ct);
        await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        await ExpireLeaseAsync(database, queued.JobId);
        var fifth = (await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct))!;

        // Five claims: the stop's give-back and Telegram's failure are taken off; the engine's fault, the claim whose lease
        // ran out (a crash) and the one now held count.
        Assert.Equal((5, 3), (fifth.Claims, fifth.Tries));
    }

    [Fact]
    public async Task ReportClaimRunOut_CannotMarkTheReportSent_AfterTheNextClaimDid()
    {
        var (database, sessionId) = await SessionAsync();
        var store = new ReportStore(database);
        var due = Now.AddSeconds(140);
        var first = Assert.Single(await store.ClaimDueAsync(due, TimeSpan.FromMinutes(2), TimeSpan.Zero, 1, Ct));
        var past = await database.NowAsync(Ct) - TimeSpan.FromSeconds(1);
        await using (var db = database.CreateContext())
        {
            await db.Sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportClaimedUntil, past), Ct);
        }

        var second = Assert.Single(await store.ClaimDueAsync(due, TimeSpan.FromMinutes(2), TimeSpan.Zero, 1, Ct));
        var extendedLate = await store.ExtendClaimAsync(first, TimeSpan.FromMinutes(10), Ct);
        var sentByTheLatest = await store.MarkSentAsync(second, due, Ct);
        var sentLate = await store.MarkSentAsync(first, due.AddMinutes(1), Ct);

        Assert.Equal((1, 2), (first.Claim, second.Claim));
        Assert.Equal((false, true, false), (extendedLate, sentByTheLatest, sentLate));
        await using var check = database.CreateContext();
        Assert.Equal(due, await check.Sessions.Select(s => s.ReportSentAt).SingleAsync(Ct));
    }

    /// <summary>The claim's lease runs out by the database's clock, as it would while a slow check was still running.</summary>
    private static async Task ExpireLeaseAsync(global::Rollcall.Storage.RollcallDatabase database, Guid jobId)
    {
        var past = await database.NowAsync(Ct) - TimeSpan.FromSeconds(1);
        await using var db = database.CreateContext();
        await db.VerificationJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, past), Ct);
    }
}
