using Rollcall.Otp;

namespace Rollcall.Tests.Otp;

public sealed class OtpIssuerTests
{
    [Fact]
    public void Codes_AreSixDigitsWithLeadingZeros()
    {
        var issuer = new OtpIssuer(_ => 42);

        Assert.Equal("000042", issuer.Next());
    }

    [Fact]
    public void RealCodes_AreWellFormedAndVary()
    {
        var issuer = new OtpIssuer();
        var codes = Enumerable.Range(0, 200).Select(_ => issuer.Next()).ToList();

        Assert.All(codes, code => Assert.True(OtpIssuer.IsWellFormed(code)));
        Assert.True(codes.Distinct().Count() > 190);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    [InlineData("")]
    public void NotSixAsciiDigits_IsNotAnOtp(string text) => Assert.False(OtpIssuer.IsWellFormed(text));
}
