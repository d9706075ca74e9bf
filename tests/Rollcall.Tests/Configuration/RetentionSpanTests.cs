using Rollcall.Telegram.Classroom;

namespace Rollcall.Tests.Configuration;

public sealed class RetentionSpanTests
{
    [Theory]
    [InlineData("none", null)]
    [InlineData("NONE", null)]
    [InlineData("30m", 1800.0)]
    [InlineData("12h", 43200.0)]
    [InlineData("7d", 604800.0)]
    public void ValidValues_Parse(string text, double? seconds)
    {
        Assert.True(RetentionSpan.TryParse(text, out var span));
        Assert.Equal(seconds, span?.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("7w")]
    [InlineData("-1d")]
    [InlineData("d")]
    [InlineData("forever")]
    public void OtherValues_AreRejected(string text) => Assert.False(RetentionSpan.TryParse(text, out _));
}
