using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rollcall.Storage;

/// <summary>The embedded store: one SQLite file.</summary>
public sealed class SqliteRollcallDb(DbContextOptions<SqliteRollcallDb> options) : RollcallDb(options)
{
    private const int SqliteConstraint = 19;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so queries translate.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
