using Rollcall.Sessions;

namespace Rollcall.Tests.Sessions;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+91 98765-43210")]
    [InlineData("919876543210")]
    [InlineData("+919876543210")]
    [InlineData("0091 98765 43210")]
    public void OneInternationalNumber_HasOneKey_HoweverWritten(string phone) =>
        Assert.Equal("919876543210", PhoneNumber.Key(phone));

    [Theory]
    [InlineData("+7 987 654 3210")]
    [InlineData("+86 198 7654 3210")]
    [InlineData("9876543210")]
    public void SameLastTenDigits_InAnotherCountryOrWithoutACode_IsAnotherNumber(string phone) =>
        Assert.NotEqual(PhoneNumber.Key("+91 98765 43210"), PhoneNumber.Key(phone));

    [Fact]
    public void DifferentNumbers_HaveDifferentKeys() =>
        Assert.NotEqual(PhoneNumber.Key("+91 98765 43210"), PhoneNumber.Key("+91 98765 43211"));

    [Theory]
    [InlineData("+91 98765 43210", "919876543210")]
    [InlineData("0091 98765 43210", "919876543210")]
    [InlineData("+1 (202) 555-0100", "12025550100")]
    [InlineData("98765 43210", null)]
    [InlineData("919876543210", null)]
    [InlineData("+91 123", null)]
    [InlineData("+0 98765 43210", null)]
    [InlineData("+91 98765 43210 12345", null)]
    public void RegisteredNumbers_MustCarryTheirCountryCode(string typed, string? international) =>
        Assert.Equal(international, PhoneNumber.International(typed));
}
