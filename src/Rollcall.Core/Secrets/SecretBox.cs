using System.Security.Cryptography;
using System.Text;

namespace Rollcall.Secrets;

/// <summary>AES-256-GCM for secrets at rest: nonce (12) ‖ tag (16) ‖ ciphertext, base64.</summary>
public sealed class SecretBox
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SecretBox(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The key must be 32 bytes.", nameof(key));
        }

        _key = key;
    }

    public string Seal(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts; throws <see cref="CryptographicException"/> when the text was altered or sealed with another key.</summary>
    public string Open(string sealedText)
    {
        var input = Convert.FromBase64String(sealedText);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Sealed secret is too short.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
