using System.Security.Cryptography;
using Rollcall.Secrets;

namespace Rollcall.Tests.Secrets;

public sealed class SecretBoxTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void SealedSecret_OpensToTheSameTextAndHidesIt()
    {
        var box = new SecretBox(Key);

        var sealedText = box.Seal("s3cret-passw0rd");

        Assert.DoesNotContain("s3cret", sealedText, StringComparison.Ordinal);
        Assert.Equal("s3cret-passw0rd", box.Open(sealedText));
        Assert.NotEqual(sealedText, box.Seal("s3cret-passw0rd"));
    }

    [Fact]
    public void TamperedSecret_IsRejected()
    {
        var box = new SecretBox(Key);
        var bytes = Convert.FromBase64String(box.Seal("token"));
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => box.Open(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void SecretSealedWithAnotherKey_IsRejected()
    {
        var sealedText = new SecretBox(Key).Seal("token");

        Assert.ThrowsAny<CryptographicException>(() => new SecretBox(RandomNumberGenerator.GetBytes(32)).Open(sealedText));
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
}
