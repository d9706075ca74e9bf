using System.Text;
using Rollcall.Attendance;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Reports;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Tests.Reports;

public sealed class ReportFormatterTests
{
    private static readonly SessionReport Report = new(Guid.NewGuid(), 100, ["CS-A", "CS-B"], "Maths", new DateOnly(2026, 11, 28),
    [
        new("S1", "Asha", "CS-A", MarkStatus.Present, 91.25, new DateTimeOffset(2026, 11, 28, 9, 1, 0, TimeSpan.Zero)),
        new("S2", "Ben, Jr", "CS-A", MarkStatus.Refused, 40, null),
        new("S3", "=cmd()", "CS-B", null, null, null),
    ]);

    [Fact]
    public void Report_ListsPresentAndAbsentWithTotals()
    {
        var text = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report)[0]).Content);

        Assert.Contains("Present: 1 of 3, absent: 2", text, StringComparison.Ordinal);
        Assert.Contains("Present:\nS1 - Asha", text, StringComparison.Ordinal);
        Assert.Contains("Absent:\nS2 - Ben, Jr\nS3 - =cmd()", text, StringComparison.Ordinal);
        Assert.Contains("Batches: CS-A, CS-B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingRefusals_AreCountedUnderTheTotals_OnlyWhenThereAreAny()
    {
        var none = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report)[0]).Content);
        var two = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report with { BindingRefusals = 2 })[0]).Content);

        Assert.Contains("absent: 2\n\nPresent:", none, StringComparison.Ordinal);
        Assert.Contains("absent: 2\nRefused: 2 (ID registered to another account / second ID from one account)\n\nPresent:", two, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasEveryStudent_QuotedAndDefused()
    {
        var csv = Encoding.UTF8.GetString(ReportFormatter.Csv(Report)).Split('\n');

        Assert.Equal("student_id,name,batch,status,similarity,time", csv[0]);
        Assert.Equal("S1,Asha,CS-A,present,91.3,2026-11-28T09:01:00Z", csv[1]);
        Assert.Equal("S2,\"Ben, Jr\",CS-A,absent,40.0,", csv[2]);
        Assert.Equal("S3,\"'=cmd()\",CS-B,absent,,", csv[3]);
    }
}
