using Rollcall.Telegram.Reports;

namespace Rollcall.Tests.Reports;

public sealed class ReportPartsTests
{
    private static readonly ReportParts.Section Absent = new("Absent:", "Absent (continued):", ["a1", "a2", "a3", "a4"]);

    [Fact]
    public void ShortReport_IsOneMessage()
    {
        var parts = ReportParts.Pack("Header", [Absent]);

        Assert.Equal(["Header\n\nAbsent:\na1\na2\na3\na4"], parts);
    }

    [Fact]
    public void ListThatDoesNotFit_GoesOnUnderTheContinuedHeading_WithNoMessageOverTheLimit()
    {
        var parts = ReportParts.Pack("Header", [Absent], limit: 25);

        Assert.Equal(["Header\n\nAbsent:\na1\na2\na3", "Absent (continued):\na4"], parts);
        Assert.All(parts, p => Assert.True(p.Length <= 25, p));
    }

    [Fact]
    public void Heading_MovesOnWithItsFirstLine_RatherThanEndAMessageAlone()
    {
        var parts = ReportParts.Pack("Header 123456789", [new("Present:", "Present (continued):", ["p1"]), Absent], limit: 30);

        Assert.Equal(["Header 123456789\n\nPresent:\np1", "Absent:\na1\na2\na3\na4"], parts);
    }

    [Fact]
    public void LineLongerThanAnyMessage_IsCut()
    {
        var parts = ReportParts.Pack("H", [new("X:", "X (continued):", [new string('n', 5000)])]);

        Assert.Equal(ReportParts.MaxLine, parts.Single().Split('\n')[^1].Length);
        Assert.EndsWith("…", parts.Single(), StringComparison.Ordinal);
    }
}
