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
            if (!ApplyQuery(builder, uri.Query, out problem))
            {
                return false;
            }

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

    /// <summary>libpq's URL parameters (sslmode=verify-full, …) onto the Npgsql builder; Npgsql's own keywords work too.</summary>
    private static bool ApplyQuery(NpgsqlConnectionStringBuilder builder, string query, out string problem)
    {
        problem = "";
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            var (keyword, text) = name.ToLowerInvariant() switch
            {
                "sslmode" => ("SSL Mode", value.Replace("-", "", StringComparison.Ordinal)),
                "sslrootcert" => ("Root Certificate", value),
                "sslcert" => ("SSL Certificate", value),
                "sslkey" => ("SSL Key", value),
                "sslpassword" => ("SSL Password", value),
                "application_name" => ("Application Name", value),
                "connect_timeout" => ("Timeout", value),
                "target_session_attrs" => ("Target Session Attributes", value),
                _ => (name, value),
            };
            try
            {
                builder[keyword] = text;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                problem = $"has a parameter Npgsql does not take: '{name}={value}'";
                return false;
            }
        }

        return true;
    }
}

/// <summary>The database engine behind DATABASE_URL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
