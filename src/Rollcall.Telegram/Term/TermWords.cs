using System.Globalization;
using Rollcall.Attendance;
using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Term;

/// <summary>How the term's figures read in a message.</summary>
internal static class TermWords
{
    /// <summary>"66.7", or "-" while no session is held.</summary>
    public static string Percent(AttendanceFigures figures) => figures.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    public static string Threshold(AttendanceRule rule) => rule.WarningPercent.ToString("0.#", CultureInfo.InvariantCulture);

    public static TextRef Counting(AttendanceRule rule) => new(TextKey.HistoryCounting, Count(rule.Late), Count(rule.Excused));

    /// <summary>Names are cut so that a long one cannot push a list past Telegram's message size.</summary>
    public static string Short(string name, int length = 24) => name.Length <= length ? name : name[..(length - 1)] + "…";

    private static TextRef Count(SessionCount count) => new(count switch
    {
        SessionCount.Attended => TextKey.CountsAttended,
        SessionCount.Absent => TextKey.CountsAbsent,
        _ => TextKey.CountsExcluded,
    });
}
