using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rollcall.IntegrationTests.Support;
using Rollcall.Storage;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The Hardening migration on a database that holds rows from before it.</summary>
public abstract class HardeningMigrationSuite
{
    private const string BeforeHardening = "ReviewsReceipts";

    protected abstract Task<RollcallDatabase> CreateDatabaseAsync();

    /// <summary>A creation time in the provider's column type (SQLite keeps UTC ticks).</summary>
    protected abstract string CreatedAt { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TeachersKeyedByTheirLastTenDigits_AreKeyedByTheirInternationalNumber()
    {
        var database = await CreateDatabaseAsync();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeHardening, Ct);
            var insert = $"""
                INSERT INTO teachers ("Name", "Phone", "PhoneKey", "CreatedAt") VALUES ('Asha', '919876543210', '9876543210', {CreatedAt});
                INSERT INTO teachers ("Name", "Phone", "PhoneKey", "CreatedAt") VALUES ('Ivan', '0079876543211', '9876543211', {CreatedAt});
                """;
            await db.Database.ExecuteSqlRawAsync(insert, Ct);
        }

        await database.MigrateAsync(Ct);

        await using var check = database.CreateContext();
        Assert.Equal(["79876543211", "919876543210"], await check.Teachers.Select(t => t.PhoneKey).OrderBy(k => k).ToListAsync(Ct));
    }
}

public sealed class SqliteHardeningMigrationTests : HardeningMigrationSuite
{
    protected override string CreatedAt => "0";

    protected override async Task<RollcallDatabase> CreateDatabaseAsync() => new(await TestDatabases.EmptySqliteUrlAsync());
}

public sealed class PostgresHardeningMigrationTests : HardeningMigrationSuite
{
    protected override string CreatedAt => "now()";

    protected override async Task<RollcallDatabase> CreateDatabaseAsync() => new(await TestDatabases.EmptyPostgresUrlAsync());
}
