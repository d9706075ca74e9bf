namespace Rollcall.Attendance;

/// <summary>How one session counts for a student over a term.</summary>
public enum SessionCount
{
    /// <summary>Held and attended.</summary>
    Attended,

    /// <summary>Held and missed.</summary>
    Absent,

    /// <summary>Left out of the student's held sessions (excused by default).</summary>
    Excluded,
}

/// <summary>
/// Attended, held and percentage over a term. Present counts as attended; no mark, refused, absent, pending and in review
/// count as absent (a review not yet approved is not attendance); Late and Excused count as configured
/// (ATTENDANCE_LATE_COUNTS, ATTENDANCE_EXCUSED_COUNTS). A student is below when the percentage is under
/// ATTENDANCE_WARNING_PERCENT; exactly on it is not below.
/// </summary>
public sealed record AttendanceRule(SessionCount Late, SessionCount Excused, double WarningPercent)
{
    /// <summary>Late is attended, Excused is left out, 75 % (India's common rule for sitting the exam).</summary>
    public static AttendanceRule Default { get; } = new(SessionCount.Attended, SessionCount.Excluded, 75);

    /// <summary>How a session with this mark counts; null is a student on the roster who never checked in.</summary>
    public SessionCount Count(MarkStatus? status) => status switch
    {
        MarkStatus.Present => SessionCount.Attended,
        MarkStatus.Late => Late,
        MarkStatus.Excused => Excused,
        _ => SessionCount.Absent,
    };

    /// <summary>The figures over the sessions a student was on the roster of.</summary>
    public AttendanceFigures Tally(IEnumerable<MarkStatus?> statuses)
    {
        var attended = 0;
        var held = 0;
        foreach (var status in statuses)
        {
            switch (Count(status))
            {
                case SessionCount.Attended:
                    attended++;
                    held++;
                    break;
                case SessionCount.Absent:
                    held++;
                    break;
            }
        }

        return new AttendanceFigures(attended, held);
    }

    /// <summary>Under the threshold; a student with no session held yet is not.</summary>
    public bool IsBelow(AttendanceFigures figures) => figures.Percent is { } percent && percent < WarningPercent;
}

/// <summary>Sessions attended of those held; <see cref="Percent"/> is null while none is held.</summary>
public readonly record struct AttendanceFigures(int Attended, int Held)
{
    public double? Percent => Held == 0 ? null : 100.0 * Attended / Held;
}
