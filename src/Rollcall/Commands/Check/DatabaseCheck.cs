using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.Commands.Check;

/// <summary>The database: reachable, its migrations, the encryption key against the sealed secrets, and its clock.</summary>
internal static class DatabaseCheck
{
    private const string Part = "Database";
    private const string KeyPart = "Encryption key";

    /// <summary>The rows; the stores are only read afterwards when the first row is ok (reachable, every migration applied).</summary>
    public static async Task<IReadOnlyList<CheckRow>> RunAsync(IServiceProvider services, StorageOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RollcallDatabase>();
        var where = Describe(database.Url);
        if (database.Url.SqlitePath is { } path && !File.Exists(path))
        {
            return
            [
                CheckRow.Warning(Part, $"{where}: not created yet", "the first `rollcall run` creates it; keep its folder on a disk that is backed up"),
                await KeyWithoutTablesAsync(options, database.Url),
            ];
        }

        if (!await database.IsReachableAsync(cancellationToken))
        {
            return [CheckRow.Failed(Part, $"{where}: cannot connect", "check DATABASE_URL, that the server runs and accepts this user")];
        }

        var rows = new List<CheckRow>();
        await using (var db = database.CreateContext())
        {
            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var unknown = applied.Except(known).ToList();
            var pending = known.Except(applied).Count();
            rows.Add(unknown.Count > 0
                ? CheckRow.Failed(Part, $"{where}: has migrations this build does not know ({string.Join(", ", unknown)})", "run the Rollcall version that wrote this database, or a newer one")
                : pending > 0
                    ? CheckRow.Warning(Part, $"{where}: reachable, {pending} of {known.Count} migrations not applied yet", "`rollcall run` applies them at start; back up the database first")
                    : CheckRow.Ok(Part, $"{where}: reachable, all {known.Count} migrations applied"));
            if (pending > 0)
            {
                return [.. rows, await KeyWithoutTablesAsync(options, database.Url)];
            }
        }

        rows.Add(await KeyAsync(services, options, database.Url, cancellationToken));
        rows.Add(await ClockAsync(database, time, cancellationToken));
        return rows;
    }

    private static async Task<CheckRow> KeyAsync(IServiceProvider services, StorageOptions options, DatabaseUrl url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.EncryptionKey) && !File.Exists(SecretKeyFile.PathFor(url)))
        {
            // No key to open them with: resolving one now would write a new key file, so only count what is sealed.
            await using var db = services.GetRequiredService<RollcallDatabase>().CreateContext();
            var orphans = await db.Teachers.CountAsync(t => t.PasswordSealed != null, cancellationToken) + await db.LmsTokens.CountAsync(cancellationToken);
            return orphans > 0
                ? CheckRow.Failed(KeyPart, $"no ENCRYPTION_KEY and no {SecretKeyFile.PathFor(url)}, but {orphans} secrets are sealed", "restore encryption.key from a backup, or set ENCRYPTION_KEY to the key they were sealed with")
                : await KeyWithoutTablesAsync(options, url);
        }

        var (sealedCount, unreadable) = await services.GetRequiredService<TeacherStore>().CountUnreadableSecretsAsync(cancellationToken);
        var source = string.IsNullOrWhiteSpace(options.EncryptionKey) ? SecretKeyFile.PathFor(url) : "ENCRYPTION_KEY";
        return unreadable > 0
            ? CheckRow.Failed(KeyPart, $"{source} opens {sealedCount - unreadable} of {sealedCount} sealed secrets", "use the key these were sealed with (the old ENCRYPTION_KEY or data/encryption.key from a backup); otherwise those teachers must sign in again")
            : CheckRow.Ok(KeyPart, sealedCount == 0 ? $"{source}; nothing sealed yet" : $"{source} opens all {sealedCount} sealed secrets");
    }

    private static Task<CheckRow> KeyWithoutTablesAsync(StorageOptions options, DatabaseUrl url) =>
        Task.FromResult(!string.IsNullOrWhiteSpace(options.EncryptionKey)
            ? CheckRow.Ok(KeyPart, "ENCRYPTION_KEY is set")
            : File.Exists(SecretKeyFile.PathFor(url))
                ? CheckRow.Ok(KeyPart, SecretKeyFile.PathFor(url))
                : CheckRow.Warning(KeyPart, "no key yet: the first start writes " + SecretKeyFile.PathFor(url), "back that file up with the database: without it the stored passwords and tokens cannot be read"));

    private static async Task<CheckRow> ClockAsync(RollcallDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        if (database.Url.Provider == DatabaseProvider.Sqlite)
        {
            return CheckRow.Ok("Clock", "SQLite shares this machine's clock");
        }

        var before = time.GetUtcNow();
        var server = await database.NowAsync(cancellationToken);
        var skew = server - (before + ((time.GetUtcNow() - before) / 2));
        var text = string.Create(CultureInfo.InvariantCulture, $"database clock {skew.TotalSeconds:+0.0;-0.0} s from this machine's");
        return Math.Abs(skew.TotalSeconds) switch
        {
            > 60 => CheckRow.Failed("Clock", text, "synchronise both clocks (systemd-timesyncd or chrony): work leases are timed"),
            > 5 => CheckRow.Warning("Clock", text, "synchronise both clocks (systemd-timesyncd or chrony)"),
            _ => CheckRow.Ok("Clock", text),
        };
    }

    /// <summary>Where the database is, without its password.</summary>
    private static string Describe(DatabaseUrl url) =>
        url.Provider == DatabaseProvider.Sqlite
            ? "SQLite " + Path.GetFullPath(url.SqlitePath!)
            : new Npgsql.NpgsqlConnectionStringBuilder(url.ConnectionString) is var b ? $"PostgreSQL {b.Username}@{b.Host}:{b.Port}/{b.Database}" : "";
}
