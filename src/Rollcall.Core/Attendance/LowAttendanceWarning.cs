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
    /// <param name="warned">The student was told and has not been back above since.</param>
    /// <param name="below">Where the student stands now (<see cref="AttendanceRule.IsBelow"/>).</param>
    public static WarningStep Next(bool warned, bool below) => (warned, below) switch
    {
        (false, true) => WarningStep.Warn,
        (true, false) => WarningStep.Clear,
        _ => WarningStep.None,
    };
}
