using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Faces.Photos;
using Rollcall.Geofence;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Storage;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Privacy;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Reviews;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Texts;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>The bots' store rules on a real database: unique indexes as results, lock-outs, leases that one claimant wins.</summary>
public abstract partial class BotStoreSuite
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private static readonly AttemptPolicy TwoAttempts = new(1);
    private static readonly ReceiptBook Receipts = new(new ReceiptSigner(new byte[32]), MarkWords.Receipt);

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondSessionForTheSameBatchSubjectAndDate_IsADuplicate()
    {
        var (database, teacherId) = await TeacherAsync();

        var first = await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-A"), () => "111111", Ct));
        var second = await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-B", "CS-A"), () => "222222", Ct));

        var opened = Assert.IsType<OpenSessionResult.Opened>(first);
        Assert.Equal(new OpenSessionResult.Duplicate("CS-A", opened.SessionId), second);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Sessions.CountAsync(Ct));
    }

    [Fact]
    public async Task CodeInUse_IsDrawnAgain()
    {
        var (database, teacherId) = await TeacherAsync();
        await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-A"), () => "111111", Ct));
        var codes = new Queue<string>(["111111", "222222"]);

        var opened = await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-B"), codes.Dequeue, Ct));

        Assert.Equal("222222", Assert.IsType<OpenSessionResult.Opened>(opened).Otp);
    }

    [Fact]
    public async Task CodeAndId_FindTheOpenSession_UntilItExpires()
    {
        var (database, teacherId) = await TeacherAsync();
        await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-A"), () => "111111", Ct));

        var open = await TurnAsync(database, db => new CheckInStore(db).FindOpenSessionAsync("111111", "S-1", Now.AddSeconds(119), Ct));
        var notOnRoster = await TurnAsync(database, db => new CheckInStore(db).FindOpenSessionAsync("111111", "S-9", Now.AddSeconds(1), Ct));
        var expired = await TurnAsync(database, db => new CheckInStore(db).FindOpenSessionAsync("111111", "S-1", Now.AddSeconds(120), Ct));

        Assert.Equal("Asha", open?.StudentName);
        Assert.Null(notOnRoster);
        Assert.Null(expired);
    }

    [Fact]
    public async Task WrongPairs_LockOutAtTheLimit_ForTheLockoutPeriod()
    {
        var database = await CreateDatabaseAsync();
        var lockout = TimeSpan.FromMinutes(10);
        OtpFailure last = new(0, null);
        for (var i = 0; i < 3; i++)
        {
            last = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(42, "999999", "S-1", Now, new OtpLimits(3, 100, lockout), Ct));
        }

        var during = await TurnAsync(database, db => new CheckInStore(db).LockedUntilAsync(42, Now.AddMinutes(9), Ct));
        var after = await TurnAsync(database, db => new CheckInStore(db).LockedUntilAsync(42, Now.AddMinutes(10), Ct));
        var fresh = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(42, "999999", "S-1", Now.AddMinutes(11), new OtpLimits(3, 100, lockout), Ct));

        Assert.Equal(Now + lockout, last.LockedUntil);
        Assert.Equal(Now + lockout, during);
        Assert.Null(after);
        Assert.Equal(new OtpFailure(2, null), fresh);
    }

    [Fact]
    public async Task WrongIdsWithASessionsCode_PastTheSessionLimit_LockEachNewAccountAtItsSecondTry()
    {
        var (database, _) = await SessionAsync();
        var limits = new OtpLimits(5, 3, TimeSpan.FromMinutes(10));

        var firstThree = new List<OtpFailure>();
        for (var account = 1; account <= 3; account++)
        {
            firstThree.Add(await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(account, "111111", "S-9", Now, limits, Ct)));
        }

        var fourth = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(4, "111111", "S-9", Now, limits, Ct));
        var fourthAgain = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(4, "111111", "S-8", Now, limits, Ct));
        var wrongCode = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(5, "222222", "S-9", Now, limits, Ct));

        Assert.All(firstThree, f => Assert.Equal(new OtpFailure(4, null), f));
        Assert.Equal(new OtpFailure(1, null), fourth);
        Assert.Equal(new OtpFailure(0, Now + limits.Lockout), fourthAgain);
        Assert.Equal(new OtpFailure(4, null), wrongCode);
        await using var db = database.CreateContext();
        Assert.Equal(["session-opened", "wrong-id", "wrong-id", "wrong-id", "wrong-id", "wrong-id", "locked-out"],
            await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task WrongCodesWithARosteredId_PastTheSessionLimit_LockEachNewAccountAtItsSecondTry()
    {
        var (database, sessionId) = await SessionAsync();
        var limits = new OtpLimits(5, 100, TimeSpan.FromMinutes(10)) { SessionMaxWrongCodes = 2 };

        var firstTwo = new List<OtpFailure>();
        for (var account = 1; account <= 2; account++)
        {
            firstTwo.Add(await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(account, "222222", "S-2", Now, limits, Ct)));
        }

        var third = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(3, "222222", "S-2", Now, limits, Ct));
        var unrostered = await TurnAsync(database, db => new CheckInStore(db).RecordFailureAsync(4, "222222", "S-404", Now, limits, Ct));

        Assert.All(firstTwo, f => Assert.Equal(new OtpFailure(4, null), f));
        Assert.Equal(new OtpFailure(1, null), third);
        Assert.Equal(new OtpFailure(4, null), unrostered);
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.AuditLog.CountAsync(a => a.Action == "wrong-code" && a.SessionId == sessionId, Ct));
    }

    [Fact]
    public async Task SecondVideoNoteForTheSameAttempt_CountsOnce_AndAReplayedFileIsRefused()
    {
        var (database, sessionId) = await SessionAsync();

        var first = await QueueAsync(database, sessionId, "u-1");
        var again = await QueueAsync(database, sessionId, "u-2");
        var replay = await QueueAsync(database, sessionId, "u-1");

        Assert.Equal(1, Assert.IsType<QueueResult.Queued>(first).Attempt);
        Assert.IsType<QueueResult.AlreadyQueued>(again);
        Assert.IsType<QueueResult.Replayed>(replay);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.VerificationJobs.CountAsync(Ct));
    }

    [Fact]
    public async Task Job_IsClaimedOnce_AndAMatchMarksPresentWithOutboxAndAudit()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);

        var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        var rival = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        var decision = await store.CompleteAsync(job!, new FaceCheck.Match(90, 0.9, 10, 70), true, TwoAttempts, Now.AddMinutes(1), Ct);

        Assert.Null(rival);
        Assert.Equal(MarkStatus.Present, decision.Status);
        await using var db = database.CreateContext();
        Assert.Equal(MarkStatus.Present, (await db.Marks.SingleAsync(Ct)).Status);
        Assert.Equal("CS-A", (await db.Outbox.SingleAsync(Ct)).Batch);
        Assert.Equal(["session-opened", "present"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(JobState.Done, (await db.VerificationJobs.SingleAsync(Ct)).State);
        Assert.Empty(await store.ListWaitingAsync(10, Ct));
    }

    [Fact]
    public async Task FirstVerifiedCheckIn_BindsTheId_ToThatTelegramAccount()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-7"));
        var store = new VerificationStore(database, Receipts);
        var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        await store.CompleteAsync(job!, new FaceCheck.Match(90, 0.9, 10, 70), true, TwoAttempts, Now, Ct);

        var owner = await TurnAsync(database, db => new CheckInStore(db).CheckAccountAsync(sessionId, "S-1", 100, Now, Ct));
        var stranger = await TurnAsync(database, db => new CheckInStore(db).CheckAccountAsync(sessionId, "S-1", 999, Now, Ct));
        var ownerAsAnotherId = await TurnAsync(database, db => new CheckInStore(db).CheckAccountAsync(sessionId, "S-2", 100, Now, Ct));

        Assert.Equal(AccountCheck.Allowed, owner);
        Assert.Equal(AccountCheck.BoundToAnotherAccount, stranger);
        Assert.Equal(AccountCheck.AnotherIdThisSession, ownerAsAnotherId);
        await using var db = database.CreateContext();
        Assert.Equal(100, (await db.StudentBindings.SingleAsync(b => b.StudentId == "S-1", Ct)).TelegramUserId);
    }

    [Fact]
    public async Task FailedChecks_UseTheAttempts_ThenTheStudentIsRefused()
    {
        var (database, sessionId) = await SessionAsync();
        var store = new VerificationStore(database, Receipts);
        VerificationDecision? decision = null;
        foreach (var file in new[] { "u-1", "u-2" })
        {
            var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, file));
            var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
            decision = await store.CompleteAsync(job!, new FaceCheck.Mismatch(40, 0.9, 10, 70), true, TwoAttempts, Now, Ct);
        }

        var third = await QueueAsync(database, sessionId, "u-3");

        Assert.Equal(("Maths", MarkStatus.Refused, 0, false), (decision!.Subject, decision.Status, decision.AttemptsLeft, decision.AlreadyDecided));
        Assert.NotNull(decision.Receipt);
        Assert.IsType<QueueResult.NoAttemptsLeft>(third);
    }

    [Fact]
    public async Task DueReport_IsClaimedByOneInstanceOnly_AndListsEveryStudent()
    {
        var (database, sessionId) = await SessionAsync();
        var first = new ReportStore(database);
        var second = new ReportStore(database);
        var due = Now.AddSeconds(140);

        var notYet = await first.ClaimDueAsync(Now.AddSeconds(100), TimeSpan.FromMinutes(2), TimeSpan.Zero, 10, Ct);
        var claimed = await first.ClaimDueAsync(due, TimeSpan.FromMinutes(2), TimeSpan.Zero, 10, Ct);
        var rival = await second.ClaimDueAsync(due, TimeSpan.FromMinutes(2), TimeSpan.Zero, 10, Ct);
        var report = await first.LoadAsync(sessionId, Ct);
        await first.MarkSentAsync(claimed.Single(), due, Ct);
        var afterSent = await second.ClaimDueAsync(due.AddMinutes(5), TimeSpan.FromMinutes(2), TimeSpan.Zero, 10, Ct);

        Assert.Empty(notYet);
        Assert.Equal([new ReportClaim(sessionId, 1)], claimed);
        Assert.Empty(rival);
        Assert.Equal(["S-1", "S-2"], report.Lines.Select(l => l.StudentId));
        Assert.Empty(afterSent);
    }

    [Fact]
    public async Task IdleConversation_IsEndedOnce_AndOneThatMovedOnIsLeftAlone()
    {
        var database = await CreateDatabaseAsync();
        await using (var db = database.CreateContext())
        {
            db.Conversations.AddRange(
                new Conversation { Bot = "Teacher", ChatId = 1, State = "{\"step\":\"AwaitPassword\"}", UpdatedAt = Now },
                new Conversation { Bot = "Teacher", ChatId = 2, State = "", UpdatedAt = Now },
                new Conversation { Bot = "Teacher", ChatId = 3, State = "{\"step\":\"AwaitContact\"}", UpdatedAt = Now });
            await db.SaveChangesAsync(Ct);
        }

        var store = new Rollcall.Storage.Conversations.ConversationStore(database);
        var stale = await store.ListStaleAsync("Teacher", Now.AddMinutes(15), 10, Ct);
        await using (var db = database.CreateContext())
        {
            // Chat 3 answers between the listing and the reset.
            await db.Conversations.Where(c => c.ChatId == 3).ExecuteUpdateAsync(u => u.SetProperty(c => c.UpdatedAt, Now.AddMinutes(16)), Ct);
        }

        var ended = new List<long>();
        foreach (var conversation in stale)
        {
            if (await store.TryEndAsync("Teacher", conversation, Now.AddMinutes(16), Ct))
            {
                ended.Add(conversation.ChatId);
            }
        }

        Assert.Equal([1L, 3L], stale.Select(c => c.ChatId).Order());
        Assert.Equal([1L], ended);
        Assert.False(await store.TryEndAsync("Teacher", stale.Single(c => c.ChatId == 1), Now.AddMinutes(17), Ct));
    }

    [Fact]
    public async Task GreyBandCheck_OpensAReview_OnlyTheSessionsTeacherDecides_AndOnlyOnce()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);
        var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        var verdict = new Verdict(new FaceCheck.Mismatch(65, 0.9, 3, 70), true) { Review = ReviewReason.Similarity, ReviewImage = [1, 2, 3] };

        var decision = await store.CompleteAsync(job!, verdict, TwoAttempts, Now, Ct);
        var another = await QueueAsync(database, sessionId, "u-2");
        var stranger = await TurnAsync(database, db => new ReviewStore(db, Receipts).DecideAsync(decision.ReviewId!.Value, true, 999, false, Now, Ct));
        var approved = await TurnAsync(database, db => new ReviewStore(db, Receipts).DecideAsync(decision.ReviewId!.Value, true, 500, false, Now, Ct));
        var late = await TurnAsync(database, db => new ReviewStore(db, Receipts).DecideAsync(decision.ReviewId!.Value, false, 500, false, Now, Ct));

        Assert.Equal((MarkStatus.InReview, "Asha", 500L), (decision.Status, decision.StudentName, decision.TeacherChatId));
        Assert.IsType<QueueResult.InReview>(another);
        Assert.IsType<ReviewOutcome.NotFound>(stranger);
        var decided = Assert.IsType<ReviewOutcome.Decided>(approved);
        Assert.Equal(("S-1", true, 100L), (decided.StudentId, decided.Approved, decided.StudentChatId));
        Assert.Equal(new ReviewOutcome.AlreadyDecided("approved"), late);
        await using var db = database.CreateContext();
        var mark = await db.Marks.SingleAsync(Ct);
        Assert.Equal((MarkStatus.Present, true), (mark.Status, mark.Reviewed));
        Assert.Equal(1, await db.Outbox.CountAsync(Ct));
        Assert.Null((await db.Reviews.SingleAsync(Ct)).Image);
        Assert.Equal(100, (await db.StudentBindings.SingleAsync(Ct)).TelegramUserId);
        Assert.Equal(["review-requested", "review-approved"], await db.AuditLog.Where(a => a.StudentId == "S-1").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task OpenReview_ClosesWithTheReport_AndALateTapFindsItClosed()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);
        var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        var decision = await store.CompleteAsync(job!, new Verdict(new FaceCheck.Match(90, 0.9, 3, 70), true) { Review = ReviewReason.Location }, TwoAttempts, Now, Ct);

        var expired = await new ReviewExpiry(database, Receipts).ExpireAsync(sessionId, keepImages: false, Now, Ct);
        var late = await TurnAsync(database, db => new ReviewStore(db, Receipts).DecideAsync(decision.ReviewId!.Value, true, 500, false, Now, Ct));

        Assert.Equal(["S-1"], expired.Select(e => e.StudentId));
        Assert.IsType<ReviewOutcome.Closed>(late);
        await using var db = database.CreateContext();
        var mark = await db.Marks.SingleAsync(Ct);
        Assert.Equal((MarkStatus.Refused, "review expired"), (mark.Status, mark.Reason));
        Assert.Equal(0, await db.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task LookAlike_IsTheMarkedStudentWithTheClosestFace_AndForgetRemovesTheFaceData_ButNotAnOpenClassBinding()
    {
        var (database, sessionId) = await SessionAsync();
        var queued = Assert.IsType<QueueResult.Queued>(await QueueAsync(database, sessionId, "u-1"));
        var store = new VerificationStore(database, Receipts);
        var job = await store.TryClaimAsync(queued.JobId, TimeSpan.FromMinutes(5), Ct);
        var face = new float[512];
        face[0] = 0.6f;
        face[1] = 0.8f;
        await store.CompleteAsync(job!, new FaceCheck.Match(90, 0.9, 3, 70) { Probe = face }, true, TwoAttempts, Now, Ct);

        var lookAlike = await store.FindLookAlikeAsync(sessionId, "S-2", face, Ct);
        var self = await store.FindLookAlikeAsync(sessionId, "S-1", face, Ct);
        var photos = new FolderPhotoStore(Path.Combine(Path.GetTempPath(), $"rollcall-no-photos-{Guid.NewGuid():N}"));
        var kept = await TurnAsync(database, db => new StudentDataStore(db, photos).DescribeAsync(100, Ct));
        var removed = await TurnAsync(database, db => new StudentDataStore(db, photos).ForgetAsync(100, Now, Ct));
        var after = await TurnAsync(database, db => new StudentDataStore(db, photos).DescribeAsync(100, Ct));

        Assert.Equal("S-1", lookAlike?.StudentId);
        Assert.Equal(1.0, lookAlike!.Cosine, 4);
        Assert.Null(self);
        Assert.Equal((1, 1, 1), (kept.Bindings.Count, kept.Marks.Count, kept.VideoNoteEmbeddings));
        // The session is open and the account has a mark under S-1: the binding stays until the report.
        Assert.Equal((0, 0, 1, 0, "S-1"), (removed.Bindings, removed.CachedEmbeddings, removed.VideoNoteEmbeddings, removed.ReviewPictures, string.Join(' ', removed.Held)));
        Assert.Equal((1, 1, 0), (after.Bindings.Count, after.Marks.Count, after.VideoNoteEmbeddings));
    }

    private async Task<(RollcallDatabase Database, long TeacherId)> TeacherAsync()
    {
        var database = await CreateDatabaseAsync();
        return (database, await TestData.AddTeacherAsync(database));
    }

    private async Task<(RollcallDatabase Database, Guid SessionId)> SessionAsync()
    {
        var (database, teacherId) = await TeacherAsync();
        var opened = await TurnAsync(database, db => new SessionStore(db).TryOpenAsync(Draft(teacherId, "CS-A"), () => "111111", Ct));
        return (database, Assert.IsType<OpenSessionResult.Opened>(opened).SessionId);
    }

    private static Task<QueueResult> QueueAsync(RollcallDatabase database, Guid sessionId, string fileUniqueId) =>
        TurnAsync(database, db => new CheckInStore(db).TryQueueVerificationAsync(
            new VerificationRequest(sessionId, "S-1", 100, 100, "file-" + fileUniqueId, fileUniqueId, Now), TwoAttempts, Ct));

    private static SessionDraft Draft(long teacherId, params string[] batches) =>
        new(teacherId, 500, batches, "Maths", new DateOnly(2026, 11, 28), new GeoPoint(12.9716, 77.5946), Now,
            new SessionTimes(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15)),
            [new RosterStudent("s-1", "Asha", "CS-A"), new RosterStudent("S-2", "Ben", "CS-A")]);

    /// <summary>One bot turn: the store works in the context, the transaction it opened is committed at the end.</summary>
    private static Task<T> TurnAsync<T>(RollcallDatabase database, Func<RollcallDb, Task<T>> work) =>
        TurnTransaction.RunAsync(database, async ct =>
        {
            await using var db = database.CreateContext();
            var result = await work(db);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }, Ct);
}

public sealed class SqliteBotStoreTests : BotStoreSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresBotStoreTests : BotStoreSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
