namespace Rollcall.Attendance;

/// <summary>What to do with one student's low-attendance warning after a session.</summary>
public enum WarningStep
{
    /// <summary>Nothing changes: still above, or below and already told.</summary>
    None,

    /// <summary>Fell below: tell the student (and the teacher), and remember it.</summary>
    Warn,

    /// <summary>Back at or above the threshold: forget the warning, so a new fall is told again.</summary>
    Clear,
}

/// <summary>
/// A student is told once when they fall below the threshold for a subject, and again only after they have been back at
/// or above it and fall again.
/// </summary>
public static class LowAttendanceWarning
{
    /// <summary>
    /// Below for the warning: under the threshold once at least <paramref name="minimumHeld"/> sessions are held
    /// (ATTENDANCE_WARNING_MIN_SESSIONS, as Moodle's "warn after"), so one missed first class does not read as 0 %.
    /// </summary>
    public static bool Below(AttendanceRule rule, AttendanceFigures figures, int minimumHeld) =>
        figures.Held >= minimumHeld && rule.IsBelow(figures);

    /// <param name="warned">The student was told and has not been back above since.</param>
    /// <param name="below">Where the student stands now (<see cref="AttendanceRule.IsBelow"/>).</param>
    public static WarningStep Next(bool warned, bool below) => (warned, below) switch
    {
        (false, true) => WarningStep.Warn,
        (true, false) => WarningStep.Clear,
        _ => WarningStep.None,
    };
}
