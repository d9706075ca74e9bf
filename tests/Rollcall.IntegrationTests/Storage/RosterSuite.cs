using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Rollcall.IntegrationTests.Support;
using Rollcall.Lms;
using Rollcall.Secrets;
using Rollcall.Storage;
using Rollcall.Storage.Roster;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The built-in roster (LMS_MODE=roster): import, sign-in, batches, students.</summary>
public abstract class RosterSuite
{
    private readonly SecretBox _secrets = new(RandomNumberGenerator.GetBytes(32));

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Import_AddsGoodRowsAndReportsEachBadOneWithItsLine()
    {
        var database = await CreateDatabaseAsync();
        var csv = "student_id,name,batch,subject,photo\ns-1,Ravi,B-101,Python,ravi.jpg\nbad id!,X,B-101,Python\nS-2,Meena,B-101,Python\nS-3\nS-2,Meena K,B-101,Python\n";

        var result = await new RosterImport(database).ImportAsync(new StringReader(csv), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Imported);
        Assert.Equal([3, 5], result.Errors.Select(e => e.Line));
        Assert.Equal("ravi.jpg", result.Photos["S-1"]);
        var gateway = new RosterGateway(database, _secrets);
        var roster = Assert.IsType<LmsResult<IReadOnlyList<RosterStudent>>.Ok>(
            await gateway.GetRosterAsync(1, "B-101", "Python", TestContext.Current.CancellationToken));
        Assert.Equal([new RosterStudent("S-1", "Ravi", "B-101"), new RosterStudent("S-2", "Meena K", "B-101")], roster.Value);
    }

    [Fact]
    public async Task Batches_GroupTheirSubjects()
    {
        var database = await CreateDatabaseAsync();
        var csv = "S-1,Ravi,B-101,Python\nS-1,Ravi,B-101,SQL\nS-2,Meena,B-102,Python\n";
        await new RosterImport(database).ImportAsync(new StringReader(csv), TestContext.Current.CancellationToken);

        var pending = Assert.IsType<LmsResult<IReadOnlyList<BatchSubjects>>.Ok>(
            await new RosterGateway(database, _secrets).GetPendingAsync(1, TestContext.Current.CancellationToken));

        Assert.Equal(["B-101:Python,SQL", "B-102:Python"], pending.Value.Select(b => $"{b.Batch}:{string.Join(',', b.Subjects)}"));
    }

    [Fact]
    public async Task SignIn_AcceptsTheRegisteredPasswordOnly()
    {
        var database = await CreateDatabaseAsync();
        var teachers = new TeacherStore(database, _secrets, TimeProvider.System, NullLogger<TeacherStore>.Instance);
        var id = await teachers.UpsertAsync("Asha", "+91 98765 43210", "asha@school.edu", "right-pw", TestContext.Current.CancellationToken);
        var gateway = new RosterGateway(database, _secrets);

        Assert.IsType<LmsResult<string>.Ok>(await gateway.SignInAsync(id, new LmsCredentials("Asha@School.edu", "right-pw"), TestContext.Current.CancellationToken));
        Assert.IsType<LmsResult<string>.WrongCredentials>(await gateway.SignInAsync(id, new LmsCredentials("asha@school.edu", "wrong"), TestContext.Current.CancellationToken));
        Assert.IsType<LmsResult<string>.WrongCredentials>(await gateway.SignInAsync(id, new LmsCredentials("other@school.edu", "right-pw"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WithAPasswordSealedUnderAnotherKey_IsWrongCredentials_NotAnError()
    {
        var database = await CreateDatabaseAsync();
        var before = new TeacherStore(database, new SecretBox(RandomNumberGenerator.GetBytes(32)), TimeProvider.System, NullLogger<TeacherStore>.Instance);
        var id = await before.UpsertAsync("Asha", "+91 98765 43210", "asha@school.edu", "right-pw", TestContext.Current.CancellationToken);

        var signIn = await new RosterGateway(database, _secrets).SignInAsync(id, new LmsCredentials("asha@school.edu", "right-pw"), TestContext.Current.CancellationToken);

        Assert.IsType<LmsResult<string>.WrongCredentials>(signIn);
    }
}

public sealed class SqliteRosterTests : RosterSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresRosterTests : RosterSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
