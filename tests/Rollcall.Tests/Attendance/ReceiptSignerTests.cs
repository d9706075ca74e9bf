using Rollcall.Attendance;

namespace Rollcall.Tests.Attendance;

public sealed class ReceiptSignerTests
{
    private static readonly Guid Session = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 15, TimeSpan.Zero);
    private readonly ReceiptSigner _signer = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Code_IsTenCrockfordCharacters_InTwoGroups_AndStable()
    {
        var code = _signer.Sign(Session, "ST-001", "present", At);

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.Equal(code, _signer.Sign(Session, "ST-001", "present", At));
    }

    [Fact]
    public void ChangingAnyField_OrTheKey_ChangesTheCode()
    {
        var code = _signer.Sign(Session, "ST-001", "present", At);

        Assert.NotEqual(code, _signer.Sign(Guid.NewGuid(), "ST-001", "present", At));
        Assert.NotEqual(code, _signer.Sign(Session, "ST-002", "present", At));
        Assert.NotEqual(code, _signer.Sign(Session, "ST-001", "refused (Mismatch)", At));
        Assert.NotEqual(code, _signer.Sign(Session, "ST-001", "present", At.AddMilliseconds(1)));
        Assert.NotEqual(code, new ReceiptSigner(new byte[32]).Sign(Session, "ST-001", "present", At));
    }

    [Fact]
    public void TypedCodes_AreNormalised_AndForgeriesDoNotMatch()
    {
        var code = _signer.Sign(Session, "ST-001", "present", At);
        var typed = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        var altered = code[..^1] + (code[^1] == '7' ? '8' : '7');

        Assert.True(_signer.Matches(typed, Session, "ST-001", "present", At));
        Assert.False(_signer.Matches(altered, Session, "ST-001", "present", At));
        Assert.Equal("01111-ABCDE", ReceiptSigner.Normalize("oIlL1abcde"));
        Assert.Null(ReceiptSigner.Normalize("ABCDE-FGHIU"));
        Assert.Null(ReceiptSigner.Normalize("ABCDE-FGHJKM"));
        Assert.Null(ReceiptSigner.Normalize(""));
    }

    [Fact]
    public void ReceiptSignedBeforeAKeyRotation_StillMatches_WhileTheOldKeyIsListed()
    {
        var oldKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var code = _signer.Sign(Session, "ST-001", "present", At);
        var rotated = new ReceiptSigner(new byte[32], [oldKey]);

        Assert.True(rotated.Matches(code, Session, "ST-001", "present", At));
        Assert.False(new ReceiptSigner(new byte[32]).Matches(code, Session, "ST-001", "present", At));
        Assert.NotEqual(code, rotated.Sign(Session, "ST-001", "present", At));
    }
}
