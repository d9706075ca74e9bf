using System.CommandLine;
using System.Diagnostics;
using Npgsql;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Simulation.Term;
using Rollcall.Storage;
using Rollcall.Storage.Term;
using Rollcall.Telegram.Term;
using Rollcall.Term;

namespace Rollcall.Commands.Bench;

/// <summary>
/// `rollcall bench term`: seeds a throw-away database with a term (200 sessions x 60 students by default) and times what
/// /history, /attendance and the exports read and make, on SQLite or PostgreSQL.
/// </summary>
internal static class TermBenchCommand
{
    public static Command Create()
    {
        var sessions = new Option<int>("--sessions") { Description = "Sessions in the term.", DefaultValueFactory = _ => 200 };
        var students = new Option<int>("--students") { Description = "Students in the batch.", DefaultValueFactory = _ => 60 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each read.", DefaultValueFactory = _ => 7 };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL server (Host=...;Username=...): a fresh database is made on it and dropped after; default SQLite in a temp folder." };
        var keep = new Option<DirectoryInfo?>("--keep") { Description = "Also write the CSV, the xlsx and the chart into this folder, to look at." };
        var command = new Command("term", "Time the term queries and exports on a seeded term.") { sessions, students, runs, postgres, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (n, m, r) = (parse.GetValue(sessions), parse.GetValue(students), Math.Max(1, parse.GetValue(runs)));
            if (n < 1 || m < 1)
            {
                await Console.Error.WriteLineAsync("rollcall: bench term needs --sessions >= 1 and --students >= 1");
                return 2;
            }

            var server = parse.GetValue(postgres);
            var folder = Directory.CreateTempSubdirectory("rollcall-bench-term-").FullName;
            var url = server is null
                ? new DatabaseUrl(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "term.db")};Default Timeout=30", Path.Combine(folder, "term.db"))
                : new DatabaseUrl(DatabaseProvider.Postgres, await ClassBenchCommand.CreateDatabaseAsync(server, cancellationToken), null);
            try
            {
                await MeasureAsync(new RollcallDatabase(url), n, m, r, parse.GetValue(keep), cancellationToken);
                return 0;
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (server is not null)
                {
                    await DropAsync(server, new NpgsqlConnectionStringBuilder(url.ConnectionString).Database!, cancellationToken);
                }

                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    private static async Task MeasureAsync(RollcallDatabase database, int sessions, int students, int runs, DirectoryInfo? keep, CancellationToken cancellationToken)
    {
        Console.WriteLine($"# rollcall bench term — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {LoadAverage()}, {database.Url.Provider}");
        var clock = Stopwatch.StartNew();
        await database.MigrateAsync(cancellationToken);
        var term = SeededTerm.Create(sessions, students);
        await term.WriteAsync(database, null, cancellationToken);
        Console.WriteLine($"seeded {term.Sessions.Count} sessions ({term.Held.Count()} of {term.Batch} {term.Subject}), {term.Students.Count} students in {clock.Elapsed.TotalSeconds:0.0} s");

        var records = new TermRecords(database);
        var rule = AttendanceRule.Default;
        var span = new DateSpan(term.FirstDay, term.LastDay);
        TermSheet? sheet = null;
        await TimeAsync("/history (sheet, standings, below list)", runs, async () =>
        {
            sheet = await records.SheetAsync(term.Batch, term.Subject, span, cancellationToken);
            GC.KeepAlive(sheet.Below(rule));
        });
        await TimeAsync("/attendance (one student, every subject)", runs, async () =>
            GC.KeepAlive(StudentTerm.BySubject(await records.StudentSessionsAsync(term.Students[0].StudentId, span, cancellationToken), rule, 5)));
        byte[] csv = [], xlsx = [], png = [];
        await TimeAsync("CSV export from the sheet", runs, () => Task.FromResult(csv = TermExport.Csv(sheet!, rule, LocalClock.Utc)));
        await TimeAsync("xlsx export from the sheet", runs, () => Task.FromResult(xlsx = TermExport.Xlsx([sheet!], rule, LocalClock.Utc)));
        await TimeAsync("chart (PNG)", runs, () => Task.FromResult(png = TermChart.Png(sheet!, rule)));
        Console.WriteLine($"sizes for {sheet!.Sessions.Count} sessions x {sheet.Students.Count} students: CSV {csv.Length:N0} bytes, xlsx {xlsx.Length:N0} bytes, chart {png.Length:N0} bytes");
        if (keep is not null)
        {
            keep.Create();
            await File.WriteAllBytesAsync(Path.Combine(keep.FullName, TermExport.FileName(sheet, "csv")), csv, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(keep.FullName, TermExport.FileName(sheet, "xlsx")), xlsx, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(keep.FullName, "term-chart.png"), png, cancellationToken);
            Console.WriteLine($"kept in {keep.FullName}");
        }
    }

    /// <summary>Runs once cold (first query: model building, JIT, plan), then <paramref name="runs"/> times warm.</summary>
    private static async Task TimeAsync(string what, int runs, Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        var cold = watch.Elapsed.TotalMilliseconds;
        var warm = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            await action();
            warm[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(warm);
        Console.WriteLine($"{what,-42} cold {cold,7:0.0} ms; warm median {warm[runs / 2],7:0.0} ms, min {warm[0]:0.0}, max {warm[^1]:0.0} ({runs} runs)");
    }

    private static async Task DropAsync(string server, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
