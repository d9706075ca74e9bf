using System.Security.Cryptography;
using System.Text;
using Rollcall.Secrets;

namespace Rollcall.Tests.Secrets;

public sealed class SecretBoxTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly SealedPlace Password = new("teachers", "PasswordSealed", 7);

    [Fact]
    public void SealedSecret_OpensToTheSameTextAndHidesIt()
    {
        var box = new SecretBox(Key);

        var sealedText = box.Seal("s3cret-passw0rd", Password);

        Assert.DoesNotContain("s3cret", sealedText, StringComparison.Ordinal);
        Assert.StartsWith($"v2.{box.KeyId}.", sealedText, StringComparison.Ordinal);
        Assert.Equal("s3cret-passw0rd", box.Open(sealedText, Password));
        Assert.NotEqual(sealedText, box.Seal("s3cret-passw0rd", Password));
        Assert.True(box.IsCurrent(sealedText));
    }

    [Fact]
    public void TamperedSecret_IsRejected()
    {
        var box = new SecretBox(Key);
        var sealedText = box.Seal("token", Password);
        var bytes = Convert.FromBase64String(sealedText.Split('.')[2]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => box.Open($"v2.{box.KeyId}.{Convert.ToBase64String(bytes)}", Password));
    }

    [Fact]
    public void SecretMovedToAnotherRowOrColumn_DoesNotOpen()
    {
        var box = new SecretBox(Key);
        var sealedText = box.Seal("pa55word", Password);

        Assert.ThrowsAny<CryptographicException>(() => box.Open(sealedText, Password with { Row = 8 }));
        Assert.ThrowsAny<CryptographicException>(() => box.Open(sealedText, Password with { Column = "AccessSealed" }));
        Assert.ThrowsAny<CryptographicException>(() => box.Open(sealedText, Password with { Table = "lms_tokens" }));
    }

    [Fact]
    public void SecretSealedWithAnotherKey_IsRejected_NamingItsKeyId()
    {
        var other = new SecretBox(RandomNumberGenerator.GetBytes(32));
        var sealedText = other.Seal("token", Password);

        var error = Assert.ThrowsAny<CryptographicException>(() => new SecretBox(Key).Open(sealedText, Password));
        Assert.Contains(other.KeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretSealedWithAPreviousKey_Opens_ButIsNotCurrent()
    {
        var old = RandomNumberGenerator.GetBytes(32);
        var sealedText = new SecretBox(old).Seal("token", Password);
        var rotated = new SecretBox(Key, [old]);

        Assert.Equal("token", rotated.Open(sealedText, Password));
        Assert.False(rotated.IsCurrent(sealedText));
        Assert.True(rotated.IsCurrent(rotated.Seal("token", Password)));
    }

    [Fact]
    public void SecretSealedBeforeV2_StillOpens_WithTheCurrentOrAPreviousKey()
    {
        var old = RandomNumberGenerator.GetBytes(32);

        Assert.Equal("pa55word", new SecretBox(Key).Open(SealedBeforeV2(Key, "pa55word"), Password));
        Assert.Equal("pa55word", new SecretBox(Key, [old]).Open(SealedBeforeV2(old, "pa55word"), Password));
        Assert.False(new SecretBox(Key).IsCurrent(SealedBeforeV2(Key, "pa55word")));
        Assert.ThrowsAny<CryptographicException>(() => new SecretBox(Key).Open(SealedBeforeV2(old, "pa55word"), Password));
    }

    [Fact]
    public void KeyId_NamesTheKey_WithoutRevealingIt()
    {
        Assert.Matches("^[0-9a-f]{8}$", SecretBox.IdOf(Key));
        Assert.Equal(SecretBox.IdOf(Key), new SecretBox(Key).KeyId);
        Assert.NotEqual(SecretBox.IdOf(Key), SecretBox.IdOf(RandomNumberGenerator.GetBytes(32)));
    }

    [Fact]
    public void SeedFernetKey_IsAcceptedAsKeyMaterial()
    {
        // A Fernet key: 32 random bytes in url-safe base64.
        var fernet = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_');

        Assert.True(EncryptionKey.TryParse(fernet, out var key));
        Assert.Equal(32, key.Length);
        Assert.True(EncryptionKey.TryParse(EncryptionKey.Generate(), out _));
        Assert.False(EncryptionKey.TryParse("too-short", out _));
    }

    /// <summary>The format before v2: base64(nonce ‖ tag ‖ ciphertext), no key id, no associated data.</summary>
    private static string SealedBeforeV2(byte[] key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return Convert.ToBase64String(output);
    }
}
