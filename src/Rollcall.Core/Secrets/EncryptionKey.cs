using System.Security.Cryptography;

namespace Rollcall.Secrets;

/// <summary>Parses ENCRYPTION_KEY: 32 bytes in base64; a seed Fernet key (32 url-safe base64 bytes) is taken as the same 32 bytes.</summary>
public static class EncryptionKey
{
    public static bool TryParse(string? text, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var bytes = TryBase64(text.Trim()) ?? TryBase64(text.Trim().Replace('-', '+').Replace('_', '/'));
        if (bytes is not { Length: 32 })
        {
            return false;
        }

        key = bytes;
        return true;
    }

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static byte[]? TryBase64(string text)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
