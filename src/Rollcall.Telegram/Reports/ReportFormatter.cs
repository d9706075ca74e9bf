using System.Globalization;
using System.Text;
using Rollcall.Reports;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Reports;

/// <summary>The teacher's report as replies: a message with totals and lists, a CSV file of every student, and a chart.</summary>
public static class ReportFormatter
{
    /// <summary>Lines per list in the message; Telegram caps a message at 4096 characters, the CSV has everyone.</summary>
    public const int ListLimit = 60;

    /// <param name="fellBelow">The line naming students who fell below the attendance threshold with this session, or null.</param>
    public static IReadOnlyList<Reply> Replies(SessionReport report, TextRef? fellBelow = null)
    {
        var present = report.Lines.Where(l => l.Present).ToList();
        var absent = report.Lines.Where(l => !l.Present).ToList();
        var batches = string.Join(", ", report.Batches);
        var message = Reply.Text(TextKey.ReportBody, batches, report.Subject, report.Date, present.Count, report.Lines.Count, absent.Count,
            List(present), List(absent), report.BindingRefusals > 0 ? new TextRef(TextKey.ReportBindingRefusals, report.BindingRefusals) : "",
            (object?)fellBelow ?? "");
        var document = new Reply.Document(FileName(report), Csv(report), new TextRef(TextKey.ReportCaption, batches, report.Subject, report.Date));
        var chart = new Reply.Photo("attendance.png", ReportChart.Png(report, report.OpenedAt, report.ExpiresAt), new TextRef(TextKey.ReportChartCaption));
        return [message, document, chart];
    }

    public static byte[] Csv(SessionReport report)
    {
        var csv = new StringBuilder("student_id,name,batch,status,similarity,time\n");
        foreach (var line in report.Lines)
        {
            csv.Append(Field(line.StudentId)).Append(',')
                .Append(Field(line.Name)).Append(',')
                .Append(Field(line.Batch)).Append(',')
                .Append(MarkWords.Csv(line.Status, line.Reviewed)).Append(',')
                .Append(line.Similarity?.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(line.DecidedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static object List(List<ReportLine> lines)
    {
        if (lines.Count == 0)
        {
            return new TextRef(TextKey.ReportNone);
        }

        var shown = string.Join('\n', lines.Take(ListLimit).Select(l => $"{l.StudentId} - {l.Name}{MarkWords.ReportNote(l.Present, l.Reviewed)}"));
        return lines.Count <= ListLimit ? shown : shown + "\n" + BotTexts.Format(TextKey.ReportMore, lines.Count - ListLimit);
    }

    private static string Field(string value) => SpreadsheetText.CsvField(value);

    private static string FileName(SessionReport report)
    {
        var subject = new string([.. report.Subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"attendance-{subject}-{report.Date:yyyy-MM-dd}.csv";
    }
}
