using System.Security.Cryptography;
using System.Text;

namespace Rollcall.Secrets;

/// <summary>
/// AES-256-GCM for secrets at rest, written "v2.KEYID.base64(nonce (12) ‖ tag (16) ‖ ciphertext)". The value's place
/// (table, column, row) is the associated data, so a sealed value moved to another row or column does not open; the key
/// id names the key it was sealed with, so ENCRYPTION_KEY can be rotated while older keys still open what they sealed.
/// Values sealed before v2 (plain base64, no associated data) still open.
/// </summary>
public sealed class SecretBox
{
    private const string Version = "v2";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <param name="key">The key new values are sealed with.</param>
    /// <param name="previousKeys">Older keys, only to open what they sealed (ENCRYPTION_PREVIOUS_KEYS).</param>
    public SecretBox(byte[] key, IEnumerable<byte[]>? previousKeys = null)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The key must be 32 bytes.", nameof(key));
        }

        _key = key;
        KeyId = IdOf(key);
        _keys[KeyId] = key;
        foreach (var previous in previousKeys ?? [])
        {
            _keys.TryAdd(IdOf(previous), previous);
        }
    }

    /// <summary>The id of the key new values are sealed with.</summary>
    public string KeyId { get; }

    /// <summary>A key's id: 8 hex digits of an HMAC over a fixed label, so it names the key without revealing it.</summary>
    public static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "rollcall key id"u8)[..4]);

    public string Seal(string plaintext, SealedPlace place)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), place.AssociatedData());
        return $"{Version}.{KeyId}.{Convert.ToBase64String(output)}";
    }

    /// <summary>
    /// Decrypts; throws <see cref="CryptographicException"/> when the text was altered, moved from another place, or sealed
    /// with a key this box does not hold.
    /// </summary>
    public string Open(string sealedText, SealedPlace place)
    {
        var parts = sealedText.Split('.');
        if (parts is [Version, var keyId, var body])
        {
            return _keys.TryGetValue(keyId, out var key)
                ? Decrypt(key, Convert.FromBase64String(body), place.AssociatedData())
                : throw new CryptographicException($"Sealed with key {keyId}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_PREVIOUS_KEYS.");
        }

        // Before v2: no key id and no associated data; try every key held.
        var input = Convert.FromBase64String(sealedText);
        foreach (var key in _keys.Values)
        {
            try
            {
                return Decrypt(key, input, []);
            }
            catch (CryptographicException)
            {
            }
        }

        throw new CryptographicException("Sealed (before v2) with a key this instance does not hold.");
    }

    /// <summary>Whether the value is sealed in the current format with the current key; `rollcall keys rotate` re-seals the rest.</summary>
    public bool IsCurrent(string sealedText) => sealedText.StartsWith($"{Version}.{KeyId}.", StringComparison.Ordinal);

    private static string Decrypt(byte[] key, byte[] input, byte[] associatedData)
    {
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Sealed secret is too short.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, associatedData);
        return Encoding.UTF8.GetString(plain);
    }
}
