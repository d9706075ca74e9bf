using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Term;
using Rollcall.Storage;
using Rollcall.Storage.Audit;
using Rollcall.Telegram.Term;

namespace Rollcall.IntegrationTests.Term;

/// <summary>`rollcall export` and `rollcall audit` as the operator runs them, on a seeded term, against every provider.</summary>
public abstract class TermCommandsSuite
{
    private const string InjectedName = "-2+3+cmd|' /C calc'!A0";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Export_CsvAndXlsx_HoldEveryMarkCellByCell_OwnerOnly_AndAudited()
    {
        var (cli, term) = await SeedAsync();
        var from = term.FirstDay.ToString("yyyy-MM-dd");
        var to = term.LastDay.ToString("yyyy-MM-dd");

        var csv = await cli.RunAsync("export", "--from", from, "--to", to, "--batch", term.Batch, "--subject", term.Subject, "--format", "csv", "--out", "term.csv");
        var xlsx = await cli.RunAsync("export", "--from", from, "--to", to, "--format", "xlsx", "--out", "term.xlsx");

        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.True(xlsx.ExitCode == 0, xlsx.Error);
        Assert.Contains("1 batch/subject, 8 students, 30 sessions", csv.Output, StringComparison.Ordinal);
        Assert.Contains("3 batch/subject", xlsx.Output, StringComparison.Ordinal);
        var rows = ExportReader.Csv(await File.ReadAllBytesAsync(cli.PathOf("term.csv"), Token));
        var sheets = ExportReader.Xlsx(await File.ReadAllBytesAsync(cli.PathOf("term.xlsx"), Token));
        Assert.Equal(["CS-A Maths", "CS-A Python", "CS-B Python"], sheets.Select(s => s.Name));
        var sheet = sheets[1];
        var held = term.Held.ToList();
        var columns = TermExport.StudentColumns.Length + held.Count;
        Assert.Equal(term.Students.Count + 1, rows.Count);
        Assert.Equal([.. TermExport.StudentColumns, .. held.Select(s => s.OpenedAt.ToOffset(TimeSpan.FromHours(5.5)).ToString("yyyy-MM-dd HH:mm"))], rows[0]);
        Assert.Equal<string?>(rows[0], sheet.Row(1, columns));
        for (var i = 0; i < term.Students.Count; i++)
        {
            var student = term.Students[i];
            var statuses = held.Where(s => s.Marks.ContainsKey(student.StudentId)).Select(s => s.Marks[student.StudentId]).ToList();
            var figures = AttendanceRule.Default.Tally(statuses);
            var name = i == 0 ? "'" + InjectedName : student.Name;
            string[] expected = [student.StudentId, name, term.Batch, $"{figures.Attended}", $"{figures.Held}", $"{figures.Percent:0.0}", .. held.Select(s => Letter(s, student.StudentId))];
            Assert.Equal(expected, rows[i + 1]);
            Assert.Equal<string?>([.. expected[..5], $"{Math.Round(figures.Percent!.Value, 1)}", .. expected[6..].Select(e => e.Length == 0 ? null : e)], sheet.Row(i + 2, columns));
        }

        Assert.False(sheet.HasFormulas);
        Assert.Equal("C2", sheet.Frozen!.TopLeftCell!.Value);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.PathOf("term.csv")));
        }

        await using var db = cli.Database.CreateContext();
        var exports = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditAction.Exported).Select(a => a.Detail!).ToListAsync(Token);
        Assert.Equal(2, exports.Count);
        Assert.StartsWith($"csv {from} to {to}: CS-A/Python; 8 students", exports[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvOfSeveralClasses_NamesTheChoices_AndWritesNothing()
    {
        var (cli, term) = await SeedAsync();

        var result = await cli.RunAsync("export", "--from", term.FirstDay.ToString("yyyy-MM-dd"), "--to", term.LastDay.ToString("yyyy-MM-dd"), "--format", "csv", "--out", "all.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 batches and subjects match; CSV holds one", result.Error, StringComparison.Ordinal);
        Assert.Contains("--batch CS-B --subject Python", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.PathOf("all.csv")));
    }

    [Fact]
    public async Task Export_ABadOrReversedSpan_SaysWhatToType()
    {
        var (cli, _) = await SeedAsync();

        var typo = await cli.RunAsync("export", "--from", "1/7/2026", "--to", "2026-07-31", "--format", "csv", "--out", "x.csv");
        var reversed = await cli.RunAsync("export", "--from", "2026-07-31", "--to", "2026-07-01", "--format", "csv", "--out", "x.csv");
        var empty = await cli.RunAsync("export", "--from", "2020-01-01", "--to", "2020-01-31", "--format", "xlsx", "--out", "x.xlsx");

        Assert.NotEqual(0, typo.ExitCode);
        Assert.Contains("--from must be a date (yyyy-MM-dd), e.g. 2026-07-01 (got '1/7/2026')", typo.Error, StringComparison.Ordinal);
        Assert.Equal(2, reversed.ExitCode);
        Assert.Contains("--from 2026-07-31 is after --to 2026-07-01", reversed.Error, StringComparison.Ordinal);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no sessions 2020-01-01 to 2020-01-31", empty.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.PathOf("x.csv")) || File.Exists(cli.PathOf("x.xlsx")));
    }

    [Fact]
    public async Task Audit_PrintsTheTrailInLocalTime_ByStudentAndDate()
    {
        var database = await CreateDatabaseAsync();
        var cli = new Cli(database);
        var evening = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            AuditTrail.Record(db, evening.AddDays(-1), AuditActor.FaceCheck, AuditAction.Present, null, "S-1", "similarity 91.0");
            AuditTrail.Record(db, evening, AuditActor.FaceCheck, AuditAction.Refused, null, "S-1", "mismatch\nattempt 2");
            AuditTrail.Record(db, evening, AuditActor.FaceCheck, AuditAction.Present, null, "S-2");
            await db.SaveChangesAsync(Token);
        }

        // 20:00 UTC on the 28th is 01:30 on the 29th in Kolkata: --from 2026-11-29 keeps it and leaves the day before.
        var result = await cli.RunAsync("audit", "--student", "s-1", "--from", "2026-11-29");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time\tactor\taction\tsession\tstudent\tdetail", lines[0]);
        Assert.Equal("2026-11-29T01:30:00+05:30\tface-check\trefused\t\tS-1\tmismatch attempt 2", Assert.Single(lines[1..]));
    }

    private static string Letter(SeededSession session, string studentId) =>
        session.Marks.TryGetValue(studentId, out var status) ? TermExport.Letter(new Rollcall.Term.TermCell(true, status)) : "";

    private async Task<(Cli Cli, SeededTerm Term)> SeedAsync()
    {
        var database = await CreateDatabaseAsync();
        var term = SeededTerm.Create(sessions: 30, students: 8);
        await term.WriteAsync(database, null, Token);
        await using var db = database.CreateContext();
        await db.SessionStudents.Where(s => s.StudentId == term.Students[0].StudentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, InjectedName), Token);
        return (new Cli(database), term);
    }

    /// <summary>The operator's shell: a folder, DATABASE_URL pointing at the test database, TIME_ZONE Asia/Kolkata.</summary>
    private sealed class Cli(RollcallDatabase database)
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("rollcall-cli-").FullName;
        private readonly Dictionary<string, string> _environment = new()
        {
            ["DATABASE_URL"] = database.Url.SqlitePath is { } path ? "sqlite:" + path : database.Url.ConnectionString,
            ["ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["TIME_ZONE"] = "Asia/Kolkata",
        };

        public string PathOf(string file) => Path.Combine(_folder, file);

        public Task<CliResult> RunAsync(params string[] arguments) => RollcallCli.RunAsync(_folder, _environment, arguments);

        public RollcallDatabase Database => database;
    }
}

public sealed class SqliteTermCommandsTests : TermCommandsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreateSqliteAsync();
}

public sealed class PostgresTermCommandsTests : TermCommandsSuite
{
    protected override Task<RollcallDatabase> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}
