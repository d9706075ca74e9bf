using System.Text;
using Rollcall.Attendance;
using Rollcall.Reports;
using Rollcall.Sessions;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Reports;

namespace Rollcall.Tests.Reports;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=HYPERLINK(\"x\")")]
    [InlineData("\r=1+1")]
    public void EveryFormulaPrefix_IsDefusedWithAnApostrophe(string value)
    {
        Assert.Equal("'" + value, SpreadsheetText.Defuse(value));
        Assert.StartsWith("\"'", SpreadsheetText.CsvField(value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asha Rao")]
    [InlineData("O'Neil")]
    [InlineData(" =1")]
    [InlineData("")]
    public void OrdinaryText_IsLeftAlone(string value)
    {
        Assert.Equal(value, SpreadsheetText.Defuse(value));
        Assert.Equal(value, SpreadsheetText.CsvField(value));
    }

    [Fact]
    public void CsvField_QuotesSeparatorsQuotesAndLineBreaks()
    {
        Assert.Equal("\"Ben, Jr\"", SpreadsheetText.CsvField("Ben, Jr"));
        Assert.Equal("\"say \"\"hi\"\"\"", SpreadsheetText.CsvField("say \"hi\""));
        Assert.Equal("\"a\nb\"", SpreadsheetText.CsvField("a\nb"));
        Assert.Equal("\"'\t=1\"", SpreadsheetText.CsvField("\t=1"));
    }

    [Fact]
    public void SessionReportCsv_DefusesAMinusName()
    {
        // Audit M8: a name starting with '-' went out unquoted and ran as a formula.
        var report = new SessionReport(Guid.NewGuid(), 1, ["CS-A"], "Maths", new DateOnly(2026, 11, 28),
            [new("S1", "-1+1", "CS-A", MarkStatus.Present, null, null)]);

        var rows = Encoding.UTF8.GetString(ReportFormatter.Csv(report, LocalClock.Utc)).Split('\n');

        Assert.Equal("S1,\"'-1+1\",CS-A,present,,,,", rows[1]);
    }
}
