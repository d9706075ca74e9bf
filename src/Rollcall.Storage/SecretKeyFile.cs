using Rollcall.Secrets;

namespace Rollcall.Storage;

/// <summary>The embedded mode's generated key: created once beside the SQLite database, readable by the owner only.</summary>
public static class SecretKeyFile
{
    public const string FileName = "encryption.key";

    /// <summary>
    /// The key from ENCRYPTION_KEY, else the one in the data folder, else a new one written there. A key file that
    /// exists but cannot be read or parsed stops start-up and is left as it is: the sealed secrets need that key.
    /// </summary>
    public static (byte[] Key, bool Generated) Resolve(StorageOptions options, DatabaseUrl url)
    {
        if (EncryptionKey.TryParse(options.EncryptionKey, out var key))
        {
            return (key, false);
        }

        var path = PathFor(url);
        if (Read(path) is { } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew with the owner-only mode from the first byte; a sibling that won the race has written its key.
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return (Read(path)!, false);
        }

        return (key, true);
    }

    /// <summary>Why start-up cannot use the key file, or null (no ENCRYPTION_KEY needed, or the file is fine or absent).</summary>
    public static string? Problem(StorageOptions options, DatabaseUrl url)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey) || url.SqlitePath is null)
        {
            return null;
        }

        try
        {
            Read(PathFor(url));
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>Where the generated key lives: beside the SQLite database.</summary>
    public static string PathFor(DatabaseUrl url) => Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(url.SqlitePath ?? throw new InvalidOperationException("ENCRYPTION_KEY is required with PostgreSQL.")))!,
        FileName);

    /// <summary>The key in the file, null when there is no file; throws when it exists but is unusable.</summary>
    private static byte[]? Read(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new IOException("it is a folder");
            }

            if (!File.Exists(path))
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{path} cannot be read ({e.Message}): give the service user read access, or set ENCRYPTION_KEY to the key it holds.", e);
        }

        return EncryptionKey.TryParse(text, out var key)
            ? key
            : throw new InvalidOperationException(
                $"{path} is not a 32-byte base64 key (truncated or edited?). It was left as it is: restore it from a backup or set ENCRYPTION_KEY " +
                "to the original key; the stored LMS passwords and tokens open only with the key they were sealed with.");
    }
}
