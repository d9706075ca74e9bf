using System.Globalization;

namespace Rollcall.Commands.Check;

/// <summary>TIME_ZONE, shown as the local time now, so an operator sees at once whether the institute's clock is the one meant.</summary>
internal static class TimeZoneCheck
{
    public static CheckRow Run(TimeZoneInfo zone, TimeProvider time)
    {
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var text = string.Create(CultureInfo.InvariantCulture, $"TIME_ZONE {zone.Id}: now {now:yyyy-MM-dd HH:mm} (UTC{now:zzz})");
        return zone.Id is "UTC" or "Etc/UTC"
            ? CheckRow.Warning("Time zone", text, "set TIME_ZONE to the institute's zone (e.g. Asia/Kolkata): teachers and students see times in it")
            : CheckRow.Ok("Time zone", text);
    }
}
