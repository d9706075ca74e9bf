using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Secrets;
using Rollcall.Storage;
using Rollcall.Storage.Cleanup;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Faces;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The storage rules, run against every provider by the subclasses below.</summary>
public abstract class StorageSuite
{
    private static readonly DateTimeOffset Now = TestData.Now;

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        var database = await CreateDatabaseAsync();
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SecondSessionForTheSameTeacherBatchSubjectAndDate_HitsTheUniqueIndex()
    {
        var database = await CreateDatabaseAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        await TestData.AddSessionAsync(database, teacherId, "111111", "B-101");

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => TestData.AddSessionAsync(database, teacherId, "222222", "B-101"));

        await using var db = database.CreateContext();
        Assert.True(db.IsUniqueViolation(duplicate));
        await TestData.AddSessionAsync(database, teacherId, "333333", "B-102");
    }

    [Fact]
    public async Task OpenOtp_IsUniqueAmongOpenSessions()
    {
        var database = await CreateDatabaseAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        await TestData.AddSessionAsync(database, teacherId, "123456", "B-101");

        var clash = await Assert.ThrowsAsync<DbUpdateException>(() => TestData.AddSessionAsync(database, teacherId, "123456", "B-102"));

        await using var db = database.CreateContext();
        Assert.True(db.IsUniqueViolation(clash));
    }

    [Fact]
    public async Task SecondMarkForTheSameStudentAndSession_HitsThePrimaryKey()
    {
        var database = await CreateDatabaseAsync();
        var sessionId = await TestData.AddSessionAsync(database, await TestData.AddTeacherAsync(database), "654321", "B-101");
        await TestData.AddMarkAsync(database, sessionId);

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => TestData.AddMarkAsync(database, sessionId));

        await using var db = database.CreateContext();
        Assert.True(db.IsUniqueViolation(duplicate));
    }

    [Fact]
    public async Task TeacherTokensAndPassword_AreSealedAtRestAndRoundTrip()
    {
        var database = await CreateDatabaseAsync();
        var store = new TeacherStore(database, new SecretBox(RandomNumberGenerator.GetBytes(32)), TimeProvider.System, NullLogger<TeacherStore>.Instance);
        var id = await store.UpsertAsync("Asha Rao", "+91 98765 43210", "asha@school.edu", "pa55word!", TestContext.Current.CancellationToken);
        var tokens = new LmsTokens("access.jwt.value", Now.AddMinutes(5), "refresh.jwt.value", Now.AddDays(7), "M-17");

        await store.SaveTokensAsync(id, tokens, TestContext.Current.CancellationToken);

        Assert.Equal(tokens, await store.FindTokensAsync(id, TestContext.Current.CancellationToken));
        Assert.Equal(new LmsCredentials("asha@school.edu", "pa55word!"), await store.FindCredentialsAsync(id, TestContext.Current.CancellationToken));
        await using var db = database.CreateContext();
        var raw = await db.LmsTokens.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        var teacher = await db.Teachers.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("access.jwt", raw.AccessSealed, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", teacher.PasswordSealed!, StringComparison.Ordinal);
        Assert.Equal("919876543210", teacher.PhoneKey);
    }

    [Fact]
    public async Task CachedEmbedding_IsReturnedOnlyForTheSamePhotoVersion()
    {
        var database = await CreateDatabaseAsync();
        var cache = new EmbeddingCache(database, TimeProvider.System);
        var vector = Enumerable.Range(0, 512).Select(i => i / 512f).ToArray();

        await cache.SaveAsync("S-1", "v1", vector, TestContext.Current.CancellationToken);

        Assert.Equal(vector, await cache.FindAsync("S-1", "v1", TestContext.Current.CancellationToken));
        Assert.Null(await cache.FindAsync("S-1", "v2", TestContext.Current.CancellationToken));
        await cache.RemoveAsync("S-1", TestContext.Current.CancellationToken);
        Assert.Null(await cache.FindAsync("S-1", "v1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cleanup_FreesTheCodeOfAnExpiredSessionOnly()
    {
        var database = await CreateDatabaseAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        await TestData.AddSessionAsync(database, teacherId, "135790", "B-101");
        var time = new FakeTimeProvider(Now.AddSeconds(60));
        var cleanup = new SessionCleanup(database, new CleanupPolicy(TimeSpan.FromMinutes(5), TimeSpan.FromDays(365)), time, NullLogger<SessionCleanup>.Instance);

        Assert.Equal(0, await cleanup.RunOnceAsync(TestContext.Current.CancellationToken));
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await cleanup.RunOnceAsync(TestContext.Current.CancellationToken));

        // The code is free again for a new session.
        await TestData.AddSessionAsync(database, teacherId, "135790", "B-102");
    }

    [Fact]
    public async Task Cleanup_PurgesTheSeenVideoNotesOfAReportedSession_AndKeepsAnOpenOnesGuard()
    {
        var database = await CreateDatabaseAsync();
        var teacherId = await TestData.AddTeacherAsync(database);
        var reported = await TestData.AddSessionAsync(database, teacherId, "111111", "B-101");
        var open = await TestData.AddSessionAsync(database, teacherId, "222222", "B-102");
        await using (var db = database.CreateContext())
        {
            foreach (var (session, file) in new[] { (reported, "note-reported"), (open, "note-open") })
            {
                db.VerificationJobs.Add(new VerificationJob
                {
                    Id = Guid.CreateVersion7(),
                    SessionId = session,
                    StudentId = "S-1",
                    Attempt = 1,
                    FileId = file,
                    FileUniqueId = file,
                    CreatedAt = Now,
                });
                db.SeenMedia.Add(new SeenMedia { FileUniqueId = file, SeenAt = Now });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Sessions.Where(s => s.Id == reported).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportSentAt, Now.AddMinutes(3)), TestContext.Current.CancellationToken);
        }

        var cleanup = new SessionCleanup(database, new CleanupPolicy(TimeSpan.FromMinutes(5), TimeSpan.FromDays(365)), new FakeTimeProvider(Now.AddMinutes(5)), NullLogger<SessionCleanup>.Instance);
        await cleanup.RunOnceAsync(TestContext.Current.CancellationToken);

        await using var check = database.CreateContext();
        Assert.Equal(["note-open"], await check.SeenMedia.Select(m => m.FileUniqueId).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TimesAndEnums_RoundTripAndCompareInQueries()
    {
        var database = await CreateDatabaseAsync();
        var sessionId = await TestData.AddSessionAsync(database, await TestData.AddTeacherAsync(database), "777777", "B-101");

        await using var db = database.CreateContext();
        var due = await db.Sessions.Where(s => s.ReportDueAt <= Now.AddMinutes(10)).OrderBy(s => s.ReportDueAt)
            .Select(s => s.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([sessionId], due);
        var session = await db.Sessions.Include(s => s.Batches).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Now.AddSeconds(120), session.ExpiresAt);
        Assert.Equal(new DateOnly(2026, 11, 28), session.Batches[0].Date);
    }
}

public sealed class SqliteStorageTests : StorageSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresStorageTests : StorageSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
