using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rollcall.Attendance;

/// <summary>
/// Receipt codes: 50 bits of HMAC-SHA256 over session, student, decision and time, written as 10 Crockford base-32
/// characters ("7KQ2M-X9D4R"). The key is derived from the instance's secret key, so a code cannot be forged without it.
/// </summary>
public sealed class ReceiptSigner
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 10;
    private readonly byte[][] _keys;

    /// <param name="secretKey">The instance's 32-byte secret; a purpose-bound key is derived from it.</param>
    /// <param name="previousKeys">Secrets before a key rotation: receipts they signed still check.</param>
    public ReceiptSigner(byte[] secretKey, IEnumerable<byte[]>? previousKeys = null)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        _keys = [.. new[] { secretKey }.Concat(previousKeys ?? [])
            .Select(key => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: Encoding.ASCII.GetBytes("rollcall receipts v1")))];
    }

    public string Sign(Guid sessionId, string studentId, string decision, DateTimeOffset at) => Sign(_keys[0], sessionId, studentId, decision, at);

    /// <summary>Whether <paramref name="code"/> is the receipt of these fields under the current or a previous key (constant-time).</summary>
    public bool Matches(string code, Guid sessionId, string studentId, string decision, DateTimeOffset at)
    {
        var typed = Encoding.ASCII.GetBytes(Normalize(code) ?? "");
        var matches = false;
        foreach (var key in _keys)
        {
            matches |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, sessionId, studentId, decision, at)), typed);
        }

        return matches;
    }

    private static string Sign(byte[] key, Guid sessionId, string studentId, string decision, DateTimeOffset at)
    {
        var message = string.Join('|', "v1", sessionId.ToString("N"), studentId, decision,
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
        var bits = BitConverter.ToUInt64(mac.AsSpan(0, 8)) >> (64 - (5 * Length));
        var code = new StringBuilder(Length + 1);
        for (var i = Length - 1; i >= 0; i--)
        {
            code.Append(Alphabet[(int)((bits >> (5 * i)) & 31)]);
            if (i == Length / 2)
            {
                code.Append('-');
            }
        }

        return code.ToString();
    }

    /// <summary>A typed code in canonical form ("7kq2mx9d4r" → "7KQ2M-X9D4R"; O→0, I/L→1), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = new StringBuilder(Length + 1);
        foreach (var c in typed.ToUpperInvariant())
        {
            var mapped = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                '-' or ' ' => '\0',
                _ => c,
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal) || chars.Length == Length)
            {
                return null;
            }

            chars.Append(mapped);
        }

        return chars.Length == Length ? chars.Insert(Length / 2, '-').ToString() : null;
    }
}
