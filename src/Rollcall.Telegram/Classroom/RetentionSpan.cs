using System.Globalization;

namespace Rollcall.Telegram.Classroom;

/// <summary>MEDIA_RETENTION's values: "none", or a whole number of minutes, hours or days ("30m", "12h", "7d").</summary>
public static class RetentionSpan
{
    /// <summary>False when the text is neither; <paramref name="span"/> is null for "none".</summary>
    public static bool TryParse(string? text, out TimeSpan? span)
    {
        span = null;
        var value = text?.Trim().ToLowerInvariant() ?? "";
        if (value is "none" or "0")
        {
            return true;
        }

        if (value.Length < 2 || !int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        span = value[^1] switch
        {
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            _ => null,
        };
        return span is not null;
    }
}
