using Rollcall.Secrets;

namespace Rollcall.Storage;

/// <summary>The embedded mode's generated key: created once beside the SQLite database, readable by the owner only.</summary>
public static class SecretKeyFile
{
    public const string FileName = "encryption.key";

    /// <summary>The key from ENCRYPTION_KEY, else the one in the data folder, else a new one written there.</summary>
    public static (byte[] Key, bool Generated) Resolve(StorageOptions options, DatabaseUrl url)
    {
        if (EncryptionKey.TryParse(options.EncryptionKey, out var key))
        {
            return (key, false);
        }

        var path = PathFor(url);
        var folder = Path.GetDirectoryName(path)!;
        if (File.Exists(path) && EncryptionKey.TryParse(File.ReadAllText(path), out key))
        {
            return (key, false);
        }

        Directory.CreateDirectory(folder);
        key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, true);
    }

    /// <summary>Where the generated key lives: beside the SQLite database.</summary>
    public static string PathFor(DatabaseUrl url) =>
        Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(url.SqlitePath ?? throw new InvalidOperationException("ENCRYPTION_KEY is required with PostgreSQL.")))!,
            FileName);
}
