using Npgsql;
using Rollcall.Storage;

namespace Rollcall.IntegrationTests.Support;

/// <summary>Fresh, migrated databases for tests: a SQLite file, or a new database on the test PostgreSQL server.</summary>
public static class TestDatabases
{
    /// <summary>Set by test.sh to the throw-away server it started.</summary>
    public const string PostgresVariable = "ROLLCALL_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<RollcallDatabase> CreateSqliteAsync()
    {
        var database = new RollcallDatabase(await EmptySqliteUrlAsync());
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A new SQLite file's URL, without any migration applied.</summary>
    public static Task<DatabaseUrl> EmptySqliteUrlAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rollcall-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Task.FromResult(new DatabaseUrl(DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(folder, "rollcall.db")};Default Timeout=30;Pooling=False", Path.Combine(folder, "rollcall.db")));
    }

    /// <summary>A new database on the test server; skips the test on a developer machine without one, fails it in CI.</summary>
    public static async Task<RollcallDatabase> CreatePostgresAsync()
    {
        var database = new RollcallDatabase(await EmptyPostgresUrlAsync());
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A new, empty database on the test server (no migration applied); skips or fails as <see cref="CreatePostgresAsync"/>.</summary>
    public static async Task<DatabaseUrl> EmptyPostgresUrlAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            if (IsCi)
            {
                Assert.Fail($"{PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            }

            Assert.Skip($"{PostgresVariable} is not set: run ./test.sh to start a throw-away PostgreSQL.");
        }

        var name = "rollcall_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new DatabaseUrl(DatabaseProvider.Postgres, builder.ConnectionString, null);
    }
}
