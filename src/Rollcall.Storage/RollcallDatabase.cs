using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage;

/// <summary>Creates short-lived contexts of the configured provider and applies migrations at start-up.</summary>
public sealed class RollcallDatabase
{
    private readonly DbContextOptions<SqliteRollcallDb>? _sqlite;
    private readonly DbContextOptions<PostgresRollcallDb>? _postgres;

    public RollcallDatabase(DatabaseUrl url)
    {
        Url = url;
        if (url.Provider == DatabaseProvider.Sqlite)
        {
            _sqlite = new DbContextOptionsBuilder<SqliteRollcallDb>().UseSqlite(url.ConnectionString).Options;
        }
        else
        {
            _postgres = new DbContextOptionsBuilder<PostgresRollcallDb>()
                .UseNpgsql(url.ConnectionString, o => o.EnableRetryOnFailure(3))
                .Options;
        }
    }

    public DatabaseUrl Url { get; }

    public RollcallDb CreateContext() =>
        _sqlite is not null ? new SqliteRollcallDb(_sqlite) : new PostgresRollcallDb(_postgres!);

    /// <summary>Creates the SQLite folder, switches SQLite to WAL, and applies pending migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (Url.SqlitePath is { } path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (Url.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the one writer; the busy timeout in the connection string queues writers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = CreateContext();
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The database server's clock (SQLite's is this machine's), in UTC.</summary>
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        if (Url.Provider == DatabaseProvider.Sqlite)
        {
            var text = await db.Database.SqlQueryRaw<string>("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS \"Value\"").SingleAsync(cancellationToken);
            return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }

        var now = await db.Database.SqlQueryRaw<DateTime>("SELECT now() AS \"Value\"").SingleAsync(cancellationToken);
        return new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
    }
}
