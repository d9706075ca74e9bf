using Npgsql;

namespace Rollcall.Storage;

/// <summary>DATABASE_URL parsed: <c>sqlite:PATH</c>, <c>postgres://user:pass@host:port/db</c> or <c>Host=...;...</c>.</summary>
public sealed record DatabaseUrl(DatabaseProvider Provider, string ConnectionString, string? SqlitePath)
{
    public const string Default = "sqlite:data/rollcall.db";

    public static bool TryParse(string? text, out DatabaseUrl url, out string problem)
    {
        url = null!;
        problem = "";
        text = string.IsNullOrWhiteSpace(text) ? Default : text.Trim();
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..].TrimStart('/').Length == 0 ? "" : text["sqlite:".Length..];
            if (path.Length == 0)
            {
                problem = "has no file path after 'sqlite:'";
                return false;
            }

            url = new(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30;Pooling=True", path);
            return true;
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                problem = "is not a valid postgres:// URL";
                return false;
            }

            var userInfo = uri.UserInfo.Split(':', 2);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.Port > 0 ? uri.Port : 5432,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
                Username = userInfo.Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
                Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
            };
            url = new(DatabaseProvider.Postgres, builder.ConnectionString, null);
            return true;
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                url = new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(text).ConnectionString, null);
                return true;
            }
            catch (ArgumentException e)
            {
                problem = $"is not a valid PostgreSQL connection string ({e.Message})";
                return false;
            }
        }

        problem = "is neither sqlite:PATH nor a PostgreSQL URL";
        return false;
    }
}

/// <summary>The database engine behind DATABASE_URL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
