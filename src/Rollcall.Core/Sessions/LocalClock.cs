using System.Globalization;

namespace Rollcall.Sessions;

/// <summary>The institute's clock (TIME_ZONE): every time a person reads is shown in it, and dates typed are read in it.</summary>
public sealed class LocalClock(TimeZoneInfo zone)
{
    public static LocalClock Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>2026-11-28T14:30:05+05:30: for files and the command line, unambiguous with its offset.</summary>
    public string Stamp(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>2026-11-28 14:30: a session as a column heading or a list line.</summary>
    public string Minute(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whether the institute's zone is UTC: only then do times people read say "UTC".</summary>
    public bool IsUtc => zone.HasSameRules(TimeZoneInfo.Utc);

    /// <summary>14:30:05: a time of day in a message, with " UTC" only when the zone is UTC.</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + (IsUtc ? " UTC" : "");

    /// <summary>14:30: a time of day in a list line, with " UTC" only when the zone is UTC.</summary>
    public string HourMinute(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture) + (IsUtc ? " UTC" : "");

    /// <summary>2026-11-28 14:30:05: a day and time in a message, with " UTC" only when the zone is UTC.</summary>
    public string DayTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (IsUtc ? " UTC" : "");

    /// <summary>The local date of an instant (a session's date).</summary>
    public DateOnly DateOf(DateTimeOffset at) => SessionTimes.DateOf(at, zone);

    /// <summary>
    /// The instant the local date begins, in UTC as the stores compare times (in a daylight-saving gap, the zone's standard
    /// offset applies).
    /// </summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
