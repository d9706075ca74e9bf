using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;

namespace Rollcall.Storage;

/// <summary>Where data lives and the key that seals secrets at rest.</summary>
public sealed class StorageOptions : IValidatableObject
{
    [ConfigurationKeyName("DATABASE_URL")]
    [SettingExample("sqlite:data/rollcall.db")]
    public string DatabaseUrl { get; set; } = Storage.DatabaseUrl.Default;

    [ConfigurationKeyName("ENCRYPTION_KEY")]
    [SettingExample("a 32-byte base64 key, e.g. from `openssl rand -base64 32`")]
    public string? EncryptionKey { get; set; }

    /// <summary>Keys that sealed values before a rotation: they only open them, until `rollcall keys rotate` re-seals.</summary>
    [ConfigurationKeyName("ENCRYPTION_PREVIOUS_KEYS")]
    [SettingExample("the old ENCRYPTION_KEY (comma-separated if several)")]
    public string? EncryptionPreviousKeys { get; set; }

    /// <summary>The parsed <see cref="EncryptionPreviousKeys"/>; call after validation.</summary>
    public IReadOnlyList<byte[]> PreviousKeys => [.. (EncryptionPreviousKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(text => Secrets.EncryptionKey.TryParse(text, out var key) ? key : throw new InvalidOperationException("ENCRYPTION_PREVIOUS_KEYS is invalid."))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Storage.DatabaseUrl.TryParse(DatabaseUrl, out var url, out var problem))
        {
            yield return new($"DATABASE_URL {problem}, e.g. sqlite:data/rollcall.db or postgres://rollcall:secret@127.0.0.1:5432/rollcall");
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(EncryptionKey) && !Secrets.EncryptionKey.TryParse(EncryptionKey, out _))
        {
            yield return new("ENCRYPTION_KEY must be 32 bytes in base64 (or a Fernet key), e.g. " + Secrets.EncryptionKey.Generate());
        }
        else if (string.IsNullOrWhiteSpace(EncryptionKey) && url.Provider == DatabaseProvider.Postgres)
        {
            yield return new("ENCRYPTION_KEY is required with PostgreSQL (every instance needs the same key), e.g. " + Secrets.EncryptionKey.Generate());
        }

        foreach (var previous in (EncryptionPreviousKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Secrets.EncryptionKey.TryParse(previous, out _))
            {
                yield return new("ENCRYPTION_PREVIOUS_KEYS must be 32-byte base64 keys separated by commas, e.g. " + Secrets.EncryptionKey.Generate());
                yield break;
            }
        }
    }
}
