using System.Globalization;
using System.Text;
using Rollcall.Attendance;
using Rollcall.Reports;
using Rollcall.Sessions;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

/// <summary>
/// A term as a table: one row per student, one column per session (P present, L late, E excused, A absent or refused or
/// never checked in, R awaiting the teacher's review, empty when not on that session's roster), and attended, held and
/// percentage as the rule counts them. Every text field is defused (<see cref="SpreadsheetText"/>).
/// </summary>
public static partial class TermExport
{
    public static readonly string[] StudentColumns = ["student_id", "name", "batch", "attended", "held", "percent"];

    /// <summary>The heading of each session column: its local date and time, which also tells two sessions of a day apart.</summary>
    public static IReadOnlyList<string> Header(TermSheet sheet, LocalClock clock) =>
        [.. StudentColumns, .. sheet.Sessions.Select(s => clock.Minute(s.OpenedAt))];

    public static string Letter(TermCell cell) => !cell.Rostered ? "" : cell.Status switch
    {
        MarkStatus.Present => "P",
        MarkStatus.Late => "L",
        MarkStatus.Excused => "E",
        MarkStatus.InReview => "R",
        _ => "A",
    };

    public static byte[] Csv(TermSheet sheet, AttendanceRule rule, LocalClock clock)
    {
        var csv = new StringBuilder(string.Join(',', Header(sheet, clock).Select(SpreadsheetText.CsvField))).Append('\n');
        foreach (var standing in sheet.Standings(rule))
        {
            var student = standing.Student;
            csv.Append(SpreadsheetText.CsvField(student.StudentId)).Append(',')
                .Append(SpreadsheetText.CsvField(student.Name)).Append(',')
                .Append(SpreadsheetText.CsvField(sheet.Batch)).Append(',')
                .Append(standing.Figures.Attended.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(standing.Figures.Held.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(standing.Figures.Percent?.ToString("0.0", CultureInfo.InvariantCulture));
            foreach (var cell in student.Cells)
            {
                csv.Append(',').Append(Letter(cell));
            }

            csv.Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>
    /// A file name from the batch, subject and the first and last session's dates, without odd characters:
    /// attendance-CS-A-Python-2026-07-01-2027-04-30.csv.
    /// </summary>
    public static string FileName(TermSheet sheet, string extension)
    {
        var (first, last) = sheet.Sessions.Count > 0 ? (sheet.Sessions[0].Date, sheet.Sessions[^1].Date) : (sheet.Span.From, sheet.Span.To);
        return $"attendance-{Safe(sheet.Batch)}-{Safe(sheet.Subject)}-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.{extension}";
    }

    private static string Safe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
