using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rollcall.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without a running host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRollcallDb>
{
    public SqliteRollcallDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRollcallDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>PostgreSQL counterpart; no connection is opened to add a migration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRollcallDb>
{
    public PostgresRollcallDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRollcallDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
