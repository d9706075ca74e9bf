using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Term;
using Rollcall.Storage;
using Rollcall.Storage.Term;
using Rollcall.Term;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The term query layer and the warning state, on a seeded term, against every provider.</summary>
public abstract class TermRecordsSuite
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Sheet_HoldsEveryMarkOfTheBatchAndSubject_AndNothingElse()
    {
        var (database, term) = await SeedAsync(SeededTerm.Create(sessions: 30, students: 8));
        var span = new DateSpan(term.FirstDay, term.LastDay);

        var sheet = await new TermRecords(database).SheetAsync(term.Batch, term.Subject, span, Token);

        var held = term.Held.ToList();
        Assert.Equal(held.Select(s => s.Id), sheet.Sessions.Select(s => s.Id));
        Assert.Equal(term.Students.Select(s => s.StudentId), sheet.Students.Select(s => s.StudentId));
        foreach (var student in sheet.Students)
        {
            Assert.Equal(held.Select(s => Expected(s, student.StudentId)), student.Cells);
        }

        // The late joiner and the leaver are off the rosters they were not on.
        Assert.Contains(TermCell.NotRostered, sheet.Students[^1].Cells);
        Assert.Contains(TermCell.NotRostered, sheet.Students[^2].Cells);
    }

    [Fact]
    public async Task Sheet_KeepsToTheDateSpan_BothEndsIncluded()
    {
        var (database, term) = await SeedAsync(SeededTerm.Create(sessions: 20, students: 4));
        var held = term.Held.ToList();
        var span = new DateSpan(held[5].Date, held[9].Date);

        var sheet = await new TermRecords(database).SheetAsync(term.Batch, term.Subject, span, Token);

        Assert.Equal(held[5..10].Select(s => s.Id), sheet.Sessions.Select(s => s.Id));
        Assert.Empty((await new TermRecords(database).SheetAsync(term.Batch, term.Subject, new DateSpan(held[^1].Date.AddDays(1), held[^1].Date.AddDays(9)), Token)).Sessions);
    }

    [Fact]
    public async Task StudentSessions_AreEverySessionTheStudentWasOnTheRosterOf_InEverySubject()
    {
        var (database, term) = await SeedAsync(SeededTerm.Create(sessions: 30, students: 6));
        var student = term.Students[^1];

        var sessions = await new TermRecords(database).StudentSessionsAsync(student.StudentId, new DateSpan(term.FirstDay, term.LastDay), Token);

        var expected = term.Sessions.Where(s => s.Marks.ContainsKey(student.StudentId)).ToList();
        Assert.Equal(expected.Select(s => (s.Id, s.Subject, s.Marks[student.StudentId])), sessions.Select(s => (s.SessionId, s.Subject, s.Status)));
        Assert.Contains(sessions, s => s.Subject == SeededTerm.OtherSubject);
    }

    [Fact]
    public async Task Classes_CountSessionsPerBatchAndSubject_AndPerTeacherWhenAsked()
    {
        var (database, term) = await SeedAsync(SeededTerm.Create(sessions: 30, students: 3));
        var span = new DateSpan(term.FirstDay, term.LastDay);
        var records = new TermRecords(database);

        var classes = await records.ClassesAsync(span, null, Token);

        Assert.Equal(
            [
                new TermClass(term.Batch, SeededTerm.OtherSubject, term.Sessions.Count(s => s.Subject == SeededTerm.OtherSubject)),
                new TermClass(term.Batch, term.Subject, term.Held.Count()),
                new TermClass(SeededTerm.OtherBatch, term.Subject, term.Sessions.Count(s => s.Batches.Contains(SeededTerm.OtherBatch))),
            ],
            classes);
        Assert.Empty(await records.ClassesAsync(span, teacherId: -1, Token));
    }

    [Fact]
    public async Task FullTerm_200SessionsOf60Students_ReadsBackAsSeeded()
    {
        var (database, term) = await SeedAsync(SeededTerm.Create());

        var sheet = await new TermRecords(database).SheetAsync(term.Batch, term.Subject, new DateSpan(term.FirstDay, term.LastDay), Token);

        Assert.Equal(200, sheet.Sessions.Count);
        Assert.Equal(60, sheet.Students.Count);
        var held = term.Held.ToList();
        Assert.All(sheet.Students, s => Assert.Equal(held.Select(h => Expected(h, s.StudentId)), s.Cells));
        Assert.NotEmpty(sheet.Below(AttendanceRule.Default));
    }

    [Fact]
    public async Task Warnings_TellAStudentOncePerFall_AndAuditIt()
    {
        var database = await CreateDatabaseAsync();
        var store = new WarningStore(database);
        async Task<IReadOnlyList<string>> After(int attended, int held) =>
            await store.ApplyAsync("Python", [Standing("S-1", attended, held), Standing("S-2", 9, 10)], TestData.Now, Token);

        Assert.Equal(["S-1"], await After(2, 3));
        Assert.Empty(await After(2, 4));
        Assert.Empty(await After(3, 4));
        Assert.Equal(["S-1"], await After(3, 5));

        await using var db = database.CreateContext();
        var audited = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditAction.AttendanceWarning).Select(a => a.Detail).ToListAsync(Token);
        Assert.Equal(["Python: 2 of 3 (66.7 %)", "Python: 3 of 5 (60.0 %)"], audited);
    }

    [Fact]
    public async Task Warnings_FromTwoReportsAtOnce_TellTheStudentOnce()
    {
        var database = await CreateDatabaseAsync();
        var falling = new[] { Standing("S-1", 1, 2) };

        var told = await Task.WhenAll(
            new WarningStore(database).ApplyAsync("Python", falling, TestData.Now, Token),
            new WarningStore(database).ApplyAsync("Python", falling, TestData.Now, Token));

        Assert.Single(told.SelectMany(t => t));
    }

    private static (string, AttendanceFigures, bool) Standing(string studentId, int attended, int held)
    {
        var figures = new AttendanceFigures(attended, held);
        return (studentId, figures, AttendanceRule.Default.IsBelow(figures));
    }

    private static TermCell Expected(SeededSession session, string studentId) =>
        session.Marks.TryGetValue(studentId, out var status) ? new TermCell(true, status) : TermCell.NotRostered;

    private async Task<(RollcallDatabase Database, SeededTerm Term)> SeedAsync(SeededTerm term)
    {
        var database = await CreateDatabaseAsync();
        await term.WriteAsync(database, null, Token);
        return (database, term);
    }
}

public sealed class SqliteTermRecordsTests : TermRecordsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresTermRecordsTests : TermRecordsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
