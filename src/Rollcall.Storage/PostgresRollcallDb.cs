using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rollcall.Storage;

/// <summary>The shared store for several instances: PostgreSQL.</summary>
public sealed class PostgresRollcallDb(DbContextOptions<PostgresRollcallDb> options) : RollcallDb(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
