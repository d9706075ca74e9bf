using Rollcall.Sessions;

namespace Rollcall.Tests.Sessions;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+91 98765-43210", "9876543210")]
    [InlineData("919876543210", "9876543210")]
    [InlineData("09876543210", "9876543210")]
    [InlineData("9876543210", "9876543210")]
    public void NumbersWithOrWithoutCountryCode_HaveTheSameKey(string phone, string key) =>
        Assert.Equal(key, PhoneNumber.Key(phone));

    [Fact]
    public void DifferentNumbers_HaveDifferentKeys() =>
        Assert.NotEqual(PhoneNumber.Key("+91 98765 43210"), PhoneNumber.Key("+91 98765 43211"));
}
