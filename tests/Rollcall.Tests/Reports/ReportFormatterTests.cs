using System.Text;
using Rollcall.Attendance;
using Rollcall.Sessions;
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
        var text = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report, LocalClock.Utc)[0]).Content);

        Assert.Contains("Present: 1 of 3, absent: 2", text, StringComparison.Ordinal);
        Assert.Contains("Present:\nS1 - Asha", text, StringComparison.Ordinal);
        Assert.Contains("Absent:\nS2 - Ben, Jr\nS3 - =cmd()", text, StringComparison.Ordinal);
        Assert.Contains("Batches: CS-A, CS-B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingRefusals_AreCountedUnderTheTotals_OnlyWhenThereAreAny()
    {
        var none = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report, LocalClock.Utc)[0]).Content);
        var two = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(Report with { BindingRefusals = 2 }, LocalClock.Utc)[0]).Content);

        Assert.Contains("absent: 2\n\nPresent:", none, StringComparison.Ordinal);
        Assert.Contains("absent: 2\nRefused: 2 (ID registered to another account / second ID from one account)\n\nPresent:", two, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasEveryStudent_QuotedAndDefused()
    {
        var csv = Encoding.UTF8.GetString(ReportFormatter.Csv(Report, LocalClock.Utc)).Split('\n');

        Assert.Equal("student_id,name,batch,status,similarity,time,remark,left_area_at", csv[0]);
        Assert.Equal("S1,Asha,CS-A,present,91.3,2026-11-28T09:01:00+00:00,,", csv[1]);
        Assert.Equal("S2,\"Ben, Jr\",CS-A,absent,40.0,,,", csv[2]);
        Assert.Equal("S3,\"'=cmd()\",CS-B,absent,,,,", csv[3]);
    }

    [Fact]
    public void FiveHundredStudents_FitTelegramsLimits_EachListedOnce_AndTheCsvHasEveryone()
    {
        var report = Report with { Lines = [.. Enumerable.Range(0, 500).Select(LongLine)] };

        var replies = ReportFormatter.Replies(report, LocalClock.Utc);
        var texts = replies.OfType<Reply.Message>().Select(m => BotTexts.Format(m.Content)).ToList();
        var listed = texts.SelectMany(t => t.Split('\n')).Where(l => l.StartsWith("2021", StringComparison.Ordinal)).ToList();

        Assert.True(texts.Count > 1, "a long report is split");
        Assert.All(texts, t => Assert.InRange(t.Length, 1, MessageLimits.Text));
        Assert.All(replies.OfType<Reply.Document>(), d => Assert.InRange(BotTexts.Format(d.Caption).Length, 0, MessageLimits.Caption));
        Assert.Equal(500, listed.Count);
        Assert.Equal(500, listed.Distinct().Count());
        Assert.StartsWith("Attendance report", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Absent (continued):", texts[^1], StringComparison.Ordinal);
        Assert.Equal(501, Encoding.UTF8.GetString(ReportFormatter.Csv(report, LocalClock.Utc)).TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void TeachersOwnMarks_AreShownApart_WithTheirRemark_InTheListsAndTheCsv()
    {
        var report = Report with
        {
            Lines =
            [
                new("S1", "Asha", "CS-A", MarkStatus.Late, null, null) { SetByTeacher = true, Remark = "bus was late" },
                new("S2", "Ben", "CS-A", MarkStatus.Present, 91, null) { SetByTeacher = true },
                new("S3", "Chen", "CS-B", MarkStatus.Late, 88, null),
            ],
        };

        var text = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(report, LocalClock.Utc)[0]).Content);
        var csv = Encoding.UTF8.GetString(ReportFormatter.Csv(report, LocalClock.Utc)).Split('\n');

        Assert.Contains("Present: 1 of 3, absent: 0\nLate: 2, excused: 0, in review: 0", text, StringComparison.Ordinal);
        Assert.Contains("Present:\nS2 - Ben (marked present by the teacher)", text, StringComparison.Ordinal);
        Assert.Contains("Late:\nS1 - Asha (marked late by the teacher: bus was late)\nS3 - Chen\n", text, StringComparison.Ordinal);
        Assert.Equal("S1,Asha,CS-A,late (marked by the teacher),,,bus was late,", csv[1]);
        Assert.Equal("S3,Chen,CS-B,late,88.0,,,", csv[3]);
    }

    private static ReportLine LongLine(int i) => new(
        $"2021CS1{i:D4}", $"Student Name Number {i:D4}", "CS-A", i % 2 == 0 ? MarkStatus.Present : null, null, null);

    [Fact]
    public void StudentsWhoLeftTheArea_AreCountedAndNamed_InTheInstitutesTime_ExceptTheRefused()
    {
        var left = new DateTimeOffset(2026, 11, 28, 4, 42, 10, TimeSpan.Zero);
        var report = Report with
        {
            Lines =
            [
                new("S1", "Asha", "CS-A", MarkStatus.Present, 91.3, null) { LeftAreaAt = left, LeftAreaMetres = 300.4 },
                new("S2", "Ben", "CS-A", MarkStatus.Refused, 40, null) { LeftAreaAt = left, LeftAreaMetres = 900 },
            ],
        };
        var clock = new LocalClock(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

        var text = BotTexts.Format(((Reply.Message)ReportFormatter.Replies(report, clock)[0]).Content);
        var csv = Encoding.UTF8.GetString(ReportFormatter.Csv(report, clock)).Split('\n');

        Assert.Contains("\nLeft the area before the code expired: 1 (see below; their marks stand, the decision is yours)", text, StringComparison.Ordinal);
        Assert.Contains("Present:\nS1 - Asha, left the area at 10:12 (300 m away)\n", text, StringComparison.Ordinal);
        Assert.Contains("Absent:\nS2 - Ben", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S2 - Ben,", text, StringComparison.Ordinal);
        Assert.EndsWith(",2026-11-28T10:12:10+05:30", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void FiveHundredPresentStudentsWhoAllLeft_StillFitTelegramsLimits_EachListedOnceWithTheTime()
    {
        var left = new DateTimeOffset(2026, 11, 28, 4, 42, 10, TimeSpan.Zero);
        var report = Report with
        {
            Lines = [.. Enumerable.Range(0, 500).Select(i => LongLine(i) with { Status = MarkStatus.Present, LeftAreaAt = left, LeftAreaMetres = 12345 })],
        };

        var texts = ReportFormatter.Replies(report, LocalClock.Utc).OfType<Reply.Message>().Select(m => BotTexts.Format(m.Content)).ToList();
        var listed = texts.SelectMany(t => t.Split('\n')).Where(l => l.StartsWith("2021", StringComparison.Ordinal)).ToList();

        Assert.All(texts, t => Assert.InRange(t.Length, 1, MessageLimits.Text));
        Assert.Contains("\nLeft the area before the code expired: 500 ", texts[0], StringComparison.Ordinal);
        Assert.Equal(500, listed.Distinct().Count());
        Assert.All(listed, l => Assert.EndsWith(", left the area at 04:42 UTC (12345 m away)", l, StringComparison.Ordinal));
    }
}
