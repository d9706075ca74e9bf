using System.CommandLine;
using System.Globalization;
using Npgsql;
using Rollcall.Simulation;
using Rollcall.Simulation.Load;
using Spectre.Console;

namespace Rollcall.Commands.Bench;

/// <summary>
/// `rollcall bench class`: a whole class of N students against the real bots, the real host and a fake LMS on loopback;
/// prints marks expected/stored/delivered, the LMS's writes, latency and resources, and fails when a mark was lost or doubled.
/// </summary>
internal static class ClassBenchCommand
{
    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Students in the class.", DefaultValueFactory = _ => 500 };
        var database = new Option<string>("--database") { Description = "sqlite or postgres.", DefaultValueFactory = _ => "sqlite" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (Host=...;Username=...); a fresh database is created on it." };
        var latency = new Option<string?>("--lms-latency-ms") { Description = "LMS answer delay range in ms, e.g. 200-1500." };
        var errors = new Option<double>("--lms-error-rate") { Description = "Share of LMS calls answered 503, e.g. 0.1." };
        var ramp = new Option<int>("--ramp-seconds") { Description = "Students start over this many seconds.", DefaultValueFactory = _ => 60 };
        var command = new Command("class", "A class of N students checking in at once against the real bots, host and a fake LMS.")
        {
            students, database, postgres, latency, errors, ramp,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var range = ParseRange(parse.GetValue(latency));
            var (n, db, rate) = (parse.GetValue(students), parse.GetValue(database), parse.GetValue(errors));
            if (n < 1 || range is null || rate is < 0 or > 1 || db is not ("sqlite" or "postgres") || (db == "postgres" && string.IsNullOrEmpty(parse.GetValue(postgres))))
            {
                await Console.Error.WriteLineAsync("rollcall: bench class needs --students >= 1, --lms-latency-ms MIN-MAX, --lms-error-rate 0-1, --database sqlite|postgres (postgres with --postgres CONNSTRING)");
                return 2;
            }

            var options = new ClassBenchOptions
            {
                Students = n,
                LmsLatency = range.Value,
                LmsErrorRate = rate,
                Ramp = TimeSpan.FromSeconds(parse.GetValue(ramp)),
                RealNotes = true,
                DatabaseUrl = db == "postgres" ? await CreateDatabaseAsync(parse.GetValue(postgres)!, cancellationToken) : null,
            };
            return await RunAsync(AnsiConsole.Console, options, db, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, ClassBenchOptions options, string databaseName, CancellationToken cancellationToken)
    {
        if (SampleData.Root is null)
        {
            await Console.Error.WriteLineAsync($"rollcall: bench class needs samples/faces: run it from the repository, or set {SampleData.Variable}.");
            return 2;
        }

        var faces = SampleData.Faces;

        console.MarkupLine($"[bold]rollcall bench class[/] — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Markup.Escape(System.Runtime.InteropServices.RuntimeInformation.OSDescription)}");
        console.MarkupLine($"{options.Students} students over {options.Ramp.TotalSeconds:0} s; database {databaseName}; LMS latency {options.LmsLatency.Min.TotalMilliseconds:0}-{options.LmsLatency.Max.TotalMilliseconds:0} ms, error rate {options.LmsErrorRate:0.##}");
        ClassRig? rig = null;
        await console.Status().StartAsync("Starting the emulator, the LMS and the host; enrolling photos and making clips…", async _ =>
            rig = await ClassRig.StartAsync(options, faces, Console.Error, cancellationToken));
        if (rig is null)
        {
            return 2;
        }

        await using (rig)
        {
            LoadReport? report = null;
            await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var checkIns = context.AddTask("check-ins", maxValue: options.Students);
                    var delivered = context.AddTask("marks delivered to the LMS", maxValue: options.Students);
                    report = await rig.PlayAsync(new ClassProgress(
                        _ => checkIns.Increment(1),
                        (sent, stored) =>
                        {
                            delivered.MaxValue = Math.Max(1, stored);
                            delivered.Value = sent;
                        }), cancellationToken);
                    delivered.StopTask();
                });
            if (Console.IsOutputRedirected)
            {
                // A file or pipe gets the report's long lines whole, not wrapped at 80 columns.
                console.Profile.Width = 200;
            }

            foreach (var line in report!.Lines())
            {
                console.WriteLine(line);
            }

            var problems = report.Problems();
            foreach (var problem in problems)
            {
                console.MarkupLine($"[red]FAIL[/]: {Markup.Escape(problem)}");
            }

            console.MarkupLine(problems.Count == 0 ? "[green]OK[/]: every mark stored and delivered exactly once." : "[red]bench class failed[/]");
            return problems.Count == 0 ? 0 : 1;
        }
    }

    /// <summary>A fresh database on the server, so a rerun never meets yesterday's sessions.</summary>
    internal static async Task<string> CreateDatabaseAsync(string server, CancellationToken cancellationToken)
    {
        var name = "rollcall_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static (TimeSpan Min, TimeSpan Max)? ParseRange(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }

        var parts = text.Split('-');
        return parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= min
            ? (TimeSpan.FromMilliseconds(min), TimeSpan.FromMilliseconds(max))
            : null;
    }
}
