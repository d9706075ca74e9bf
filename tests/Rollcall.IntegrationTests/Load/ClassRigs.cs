using Npgsql;
using Rollcall.Commands.Bench;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.Load;

namespace Rollcall.IntegrationTests.Load;

/// <summary>Starts the class bench's rig for a test, with timeouts that bound a slow 2-core CI box.</summary>
internal static class ClassRigs
{
    public static ClassBenchOptions Options(int students, string? databaseUrl = null) => new()
    {
        Students = students,
        DatabaseUrl = databaseUrl,
        Ramp = TimeSpan.FromSeconds(Math.Min(20, students / 5)),
        OtpSeconds = 900,
        ClipsPerPerson = 1,
        ReplyTimeout = TimeSpan.FromMinutes(2),
        ResultTimeout = TimeSpan.FromMinutes(4),
        DeliveryTimeout = TimeSpan.FromMinutes(3),
    };

    /// <summary>A class for a restart: everyone at once, one worker (so the queue is still long when the host goes), a short code.</summary>
    public static ClassBenchOptions OneWorker(int students) => Options(students) with
    {
        Ramp = TimeSpan.Zero,
        OtpSeconds = 60,
        ReportDelaySeconds = 2,
        // Claims are leased for the worst case of their calls (audit M2): 5-s calls keep a killed host's outbox claim to 85 s.
        Settings = new Dictionary<string, string?> { ["VERIFY_WORKERS"] = "1", ["HTTP_TIMEOUT_SECONDS"] = "5" },
    };

    public static async Task<ClassRig> StartAsync(FacesFixture faces, ClassBenchOptions options)
    {
        _ = faces.Engine;
        var error = new StringWriter();
        var rig = await ClassRig.StartAsync(options, SampleData.Faces, error, TestContext.Current.CancellationToken);
        Assert.True(rig is not null, error.ToString());
        return rig!;
    }

    /// <summary>DATABASE_URL of a fresh database on the test server (skipped without one, failed on CI).</summary>
    public static async Task<string> PostgresDatabaseUrlAsync()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            Assert.True(!TestDatabases.IsCi, $"{TestDatabases.PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            Assert.Skip($"{TestDatabases.PostgresVariable} is not set: run ./test.sh to start a throw-away PostgreSQL.");
        }

        return await CreateDatabaseAsync(server);
    }

    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "rollcall_load_" + Guid.NewGuid().ToString("N")[..10];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Fails with the report's lines when a mark was lost or doubled.</summary>
    public static void AssertNothingLostOrDoubled(LoadReport report)
    {
        Assert.True(report.Problems().Count == 0, string.Join('\n', report.Problems().Concat(report.Lines())));
        Assert.Equal(report.Students, report.Expected);
    }
}
