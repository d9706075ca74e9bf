using System.Globalization;
using System.Text;
using Rollcall.Attendance;
using Rollcall.Reports;
using Rollcall.Sessions;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Reports;

/// <summary>
/// The teacher's report as replies: the totals and the lists in as many messages as Telegram's limits need, a CSV file
/// of every student, and a chart. Any class size fits; the CSV carries every column.
/// </summary>
public static class ReportFormatter
{
    /// <param name="report">The session's report.</param>
    /// <param name="clock">The institute's clock for the CSV's times.</param>
    /// <param name="fellBelow">The line naming students who fell below the attendance threshold with this session, or null.</param>
    public static IReadOnlyList<Reply> Replies(SessionReport report, LocalClock clock, TextRef? fellBelow = null)
    {
        var batches = string.Join(", ", report.Batches);
        var messages = ReportParts.Pack(Header(report, batches, fellBelow), Sections(report, clock));
        var caption = MessageLimits.Cut(BotTexts.Format(TextKey.ReportCaption, batches, report.Subject, report.Date), MessageLimits.Caption);
        var document = new Reply.Document(FileName(report), Csv(report, clock), new TextRef(TextKey.ReportPart, caption));
        var chart = new Reply.Photo("attendance.png", ReportChart.Png(report, report.OpenedAt, report.ExpiresAt), new TextRef(TextKey.ReportChartCaption));
        return [.. messages.Select(m => Reply.Text(TextKey.ReportPart, m)), document, chart];
    }

    public static byte[] Csv(SessionReport report, LocalClock clock)
    {
        var csv = new StringBuilder("student_id,name,batch,status,similarity,time,remark,left_area_at\n");
        foreach (var line in report.Lines)
        {
            csv.Append(Field(line.StudentId)).Append(',')
                .Append(Field(line.Name)).Append(',')
                .Append(Field(line.Batch)).Append(',')
                .Append(MarkWords.Csv(line.Status, line.Reviewed, line.SetByTeacher)).Append(',')
                .Append(line.Similarity?.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(line.DecidedAt is { } at ? clock.Stamp(at) : "").Append(',')
                .Append(line.Remark is { } remark ? Field(remark) : "").Append(',')
                .Append(line.LeftTheArea ? clock.Stamp(line.LeftAreaAt!.Value) : "")
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Header(SessionReport report, string batches, TextRef? fellBelow)
    {
        var count = (MarkStatus status) => report.Lines.Count(l => l.Status == status);
        var (present, late, excused, inReview) = (count(MarkStatus.Present), count(MarkStatus.Late), count(MarkStatus.Excused), count(MarkStatus.InReview));
        var absent = report.Lines.Count - present - late - excused - inReview;
        object others = late + excused + inReview > 0 ? new TextRef(TextKey.ReportOtherTotals, late, excused, inReview) : "";
        var left = report.Lines.Count(l => l.LeftTheArea);
        var refusals = (report.BindingRefusals > 0 ? BotTexts.Format(TextKey.ReportBindingRefusals, report.BindingRefusals) : "")
            + (left > 0 ? BotTexts.Format(TextKey.ReportLeftArea, left) : "");
        return BotTexts.Format(TextKey.ReportBody, batches, report.Subject, report.Date, present, report.Lines.Count, absent, others, refusals, (object?)fellBelow ?? "");
    }

    /// <summary>The lists in the order a teacher reads them; an empty list shows "(none)" for present and absent only.</summary>
    private static List<ReportParts.Section> Sections(SessionReport report, LocalClock clock)
    {
        List<ReportParts.Section> sections = [];
        Add(TextKey.ReportPresentList, [MarkStatus.Present], always: true);
        Add(TextKey.ReportLateList, [MarkStatus.Late], always: false);
        Add(TextKey.ReportExcusedList, [MarkStatus.Excused], always: false);
        Add(TextKey.ReportInReviewList, [MarkStatus.InReview], always: false);
        Add(TextKey.ReportAbsentList, [null, MarkStatus.Pending, MarkStatus.Refused, MarkStatus.Absent], always: true);
        return sections;

        void Add(TextKey title, MarkStatus?[] statuses, bool always)
        {
            List<string> lines = [.. report.Lines.Where(l => statuses.Contains(l.Status))
                .Select(l => $"{l.StudentId} - {l.Name}{MarkWords.ReportNote(l.Status, l.Reviewed, l.SetByTeacher, l.Remark)}{LeftNote(l, clock)}")];
            if (lines.Count == 0 && !always)
            {
                return;
            }

            var name = BotTexts.Format(title);
            sections.Add(new ReportParts.Section(BotTexts.Format(TextKey.ReportListHeading, name), BotTexts.Format(TextKey.ReportListContinued, name),
                lines.Count == 0 ? [BotTexts.Format(TextKey.ReportNone)] : lines));
        }
    }

    /// <summary>", left the area at 10:12 (300 m away)" in the institute's time, next to a student whose live location left.</summary>
    private static string LeftNote(ReportLine line, LocalClock clock) =>
        line.LeftTheArea ? BotTexts.Format(TextKey.ReportNoteLeftArea, clock.HourMinute(line.LeftAreaAt!.Value), line.LeftAreaMetres ?? 0) : "";

    private static string Field(string value) => SpreadsheetText.CsvField(value);

    private static string FileName(SessionReport report)
    {
        var subject = new string([.. report.Subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"attendance-{subject}-{report.Date:yyyy-MM-dd}.csv";
    }
}
