using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Rollcall.Hosting;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Storage;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Outbox;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The outbox relay's delivery rules, against every provider.</summary>
public abstract partial class OutboxRelaySuite
{
    private static readonly LeasePolicy Leases = LeasePolicy.Derive(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(310));
    private readonly FakeTimeProvider _time = new(TestData.Now);

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task FirstMarkCreatesTheRecord_LaterMarksUpdateItWithEveryPresentStudent()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms();
        var relay = Relay(database, lms);

        await MarkAsync(database, teacherId, sessionId, "S-1");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await MarkAsync(database, teacherId, sessionId, "S-2");
        await MarkAsync(database, teacherId, sessionId, "S-3");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, lms.Submissions.Count);
        Assert.True(lms.Submissions[0].IsFirst);
        Assert.Equal(["S-1"], Present(lms.Submissions[0]));
        Assert.Equal(4, lms.Submissions[0].Students.Count);
        Assert.False(lms.Submissions[1].IsFirst);
        Assert.Equal(["S-1", "S-2", "S-3"], Present(lms.Submissions[1]));
        Assert.Equal(0, await PendingAsync(database));
    }

    [Fact]
    public async Task LmsDown_KeepsTheMarkAndDeliversItOnceTheLmsAccepts()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms { Answer = SubmissionOutcome.Failed };
        var relay = Relay(database, lms);
        await MarkAsync(database, teacherId, sessionId, "S-1");

        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Single(lms.Submissions);
        Assert.Equal(1, await PendingAsync(database));
        lms.Answer = SubmissionOutcome.Accepted;
        _time.Advance(TimeSpan.FromSeconds(3));
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, lms.Submissions.Count);
        Assert.True(lms.Submissions[1].IsFirst);
        Assert.Equal(0, await PendingAsync(database));
    }

    [Fact]
    public async Task DuplicateAnswerToTheCreate_IsFollowedByAnUpdateWithEveryPresentStudent()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms { Answer = SubmissionOutcome.Duplicate };
        await MarkAsync(database, teacherId, sessionId, "S-1");
        await MarkAsync(database, teacherId, sessionId, "S-2");
        var relay = Relay(database, lms);

        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, lms.Submissions.Count);
        Assert.True(lms.Submissions[0].IsFirst);
        Assert.False(lms.Submissions[1].IsFirst);
        Assert.Equal(["S-1", "S-2"], Present(lms.Submissions[1]));
        Assert.Equal(0, await PendingAsync(database));
    }

    [Fact]
    public async Task DuplicateAnswerToAnUpdate_CountsAsDelivered()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms();
        var relay = Relay(database, lms);
        await MarkAsync(database, teacherId, sessionId, "S-1");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        lms.Answer = SubmissionOutcome.Duplicate;
        await MarkAsync(database, teacherId, sessionId, "S-2");

        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, lms.Submissions.Count);
        Assert.Equal(0, await PendingAsync(database));
    }

    [Fact]
    public async Task TwoTeachersRecordingOneBatch_EveryDeliveryCarriesThePresentStudentsOfBothSessions()
    {
        var (database, first, firstSession) = await ClassAsync();
        var second = await TestData.AddTeacherAsync(database, "917000000001");
        var secondSession = await TestData.AddSessionAsync(database, second, "135791", "B-101", "S-1", "S-2", "S-3", "S-4");
        var lms = new RecordingLms();
        var relay = Relay(database, lms);

        await MarkAsync(database, first, firstSession, "S-1");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await MarkAsync(database, second, secondSession, "S-2");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await MarkAsync(database, first, firstSession, "S-3");
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal([true, false, false], lms.Submissions.Select(s => s.IsFirst));
        Assert.Equal(["S-1", "S-2", "S-3"], Present(lms.Submissions[^1]));
        Assert.Equal(["S-1", "S-2"], Present(lms.Submissions[1]));
        Assert.Equal(0, await PendingAsync(database));
    }

    private async Task<(RollcallDatabase Database, long TeacherId, Guid SessionId)> ClassAsync()
    {
        var database = await CreateDatabaseAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        var sessionId = await TestData.AddSessionAsync(database, teacherId, "246810", "B-101", "S-1", "S-2", "S-3", "S-4");
        return (database, teacherId, sessionId);
    }

    private OutboxRelay Relay(RollcallDatabase database, ILmsGateway lms, RecordingAlerts? alerts = null) =>
        new(database, lms, alerts ?? new RecordingAlerts(), Leases, _time, new RollcallMetrics(), NullLogger<OutboxRelay>.Instance);

    private static async Task<OutboxEntry> RowAsync(RollcallDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task MarkAsync(RollcallDatabase database, long teacherId, Guid sessionId, string studentId)
    {
        await using var db = database.CreateContext();
        db.Marks.Add(new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = Attendance.MarkStatus.Present, CreatedAt = _time.GetUtcNow() });
        AttendanceOutbox.Enqueue(db, teacherId, "B-101", "Python", new DateOnly(2026, 11, 28), _time.GetUtcNow());
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> PendingAsync(RollcallDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending, TestContext.Current.CancellationToken);
    }

    private static string[] Present(AttendanceSubmission submission) =>
        submission.Students.Where(s => s.Present).Select(s => s.StudentId).ToArray();

    private sealed class RecordingLms : ILmsGateway
    {
        public List<AttendanceSubmission> Submissions { get; } = [];

        public SubmissionOutcome Answer { get; set; } = SubmissionOutcome.Accepted;

        public Exception? Throw { get; set; }

        public Task<SubmissionOutcome> SubmitAsync(long teacherId, AttendanceSubmission submission, CancellationToken cancellationToken)
        {
            Submissions.Add(submission);
            return Throw is null ? Task.FromResult(Answer) : Task.FromException<SubmissionOutcome>(Throw);
        }

        public Task<LmsResult<string>> SignInAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<LmsResult<IReadOnlyList<BatchSubjects>>> GetPendingAsync(long teacherId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<LmsResult<IReadOnlyList<RosterStudent>>> GetRosterAsync(long teacherId, string batch, string subject, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}

public sealed class SqliteOutboxRelayTests : OutboxRelaySuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresOutboxRelayTests : OutboxRelaySuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
