using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Attendance;
using Rollcall.Configuration;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

/// <summary>ATTENDANCE_WARNINGS: tell students (and the teacher) when someone falls below the threshold.</summary>
public enum WarningsMode
{
    On,
    Off,
}

/// <summary>How attendance counts over a term, where the term starts, and the low-attendance warnings.</summary>
public sealed class TermOptions : IValidatableObject
{
    [ConfigurationKeyName("ATTENDANCE_LATE_COUNTS")]
    [SettingExample("attended")]
    public SessionCount LateCounts { get; set; } = SessionCount.Attended;

    [ConfigurationKeyName("ATTENDANCE_EXCUSED_COUNTS")]
    [SettingExample("excluded")]
    public SessionCount ExcusedCounts { get; set; } = SessionCount.Excluded;

    [ConfigurationKeyName("ATTENDANCE_WARNING_PERCENT")]
    [Range(0.0, 100.0)]
    public double WarningPercent { get; set; } = 75;

    /// <summary>Sessions a student must have held in a subject before a warning is sent.</summary>
    [ConfigurationKeyName("ATTENDANCE_WARNING_MIN_SESSIONS")]
    [Range(1, 1000)]
    public int WarningMinSessions { get; set; } = 5;

    [ConfigurationKeyName("ATTENDANCE_WARNINGS")]
    [SettingExample("on")]
    public WarningsMode Warnings { get; set; } = WarningsMode.On;

    /// <summary>The first local date that /history, /attendance and the warnings count; none: every session kept.</summary>
    [ConfigurationKeyName("TERM_START")]
    [SettingExample("2026-07-01")]
    public DateOnly? TermStart { get; set; }

    public AttendanceRule Rule => new(LateCounts, ExcusedCounts, WarningPercent);

    /// <summary>The term so far: from TERM_START (or the beginning) to today.</summary>
    public DateSpan SoFar(DateOnly today) => new(TermStart ?? DateOnly.MinValue, today);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A number such as "5" binds to an enum without being one of its names.
        if (!Enum.IsDefined(LateCounts))
        {
            yield return new("ATTENDANCE_LATE_COUNTS must be attended or absent or excluded, e.g. attended");
        }

        if (!Enum.IsDefined(ExcusedCounts))
        {
            yield return new("ATTENDANCE_EXCUSED_COUNTS must be attended or absent or excluded, e.g. excluded");
        }

        if (!Enum.IsDefined(Warnings))
        {
            yield return new("ATTENDANCE_WARNINGS must be on or off, e.g. on");
        }
    }
}
