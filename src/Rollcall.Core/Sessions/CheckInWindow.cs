namespace Rollcall.Sessions;

/// <summary>Where a session's check-in stands.</summary>
public enum SessionPhase
{
    /// <summary>The code is accepted.</summary>
    Open,

    /// <summary>The code is closed; check-ins begun in time may still finish.</summary>
    Finishing,

    /// <summary>Check-ins are over; the report is on its way.</summary>
    Closed,

    /// <summary>The report went out.</summary>
    Reported,
}

/// <summary>
/// A session's check-in window, one rule for the students, the roll and the report: the code opens the door until
/// <see cref="CodeClosesAt"/>; a check-in begun by then may finish until <see cref="GraceEndsAt"/>; the report goes
/// out REPORT_DELAY_SECONDS after the last such check-in is decided, or when the grace ends.
/// </summary>
public sealed record CheckInWindow(DateTimeOffset CodeClosesAt, DateTimeOffset GraceEndsAt, TimeSpan ReportDelay)
{
    public bool AcceptsCode(DateTimeOffset now) => now < CodeClosesAt;

    /// <summary>A student who gave the code in time may send a location or a video note.</summary>
    public bool AcceptsCheckIn(DateTimeOffset now) => now < GraceEndsAt;

    public SessionPhase PhaseAt(DateTimeOffset now, bool reportSent) => reportSent
        ? SessionPhase.Reported
        : AcceptsCode(now) ? SessionPhase.Open : AcceptsCheckIn(now) ? SessionPhase.Finishing : SessionPhase.Closed;

    /// <summary>
    /// Whether the report is due. <paramref name="inProgress"/>: a student gave the code and is not decided yet (or waits
    /// for the teacher's review); <paramref name="queued"/>: a video note is being checked; <paramref name="lastDecidedAt"/>:
    /// the latest decision in the session. Past the grace, a note received in time and still being checked holds the
    /// report for up to <paramref name="queueWait"/>.
    /// </summary>
    public bool ReportDue(DateTimeOffset now, bool inProgress, bool queued, DateTimeOffset? lastDecidedAt, TimeSpan queueWait)
    {
        if (now < CodeClosesAt + ReportDelay)
        {
            return false;
        }

        if (now >= GraceEndsAt)
        {
            return !queued || now >= GraceEndsAt + queueWait;
        }

        return !inProgress && !queued && (lastDecidedAt is not { } last || now >= last + ReportDelay);
    }
}
