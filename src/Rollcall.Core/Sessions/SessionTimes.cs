namespace Rollcall.Sessions;

/// <summary>
/// The timings of a session: how long the code opens the door, how long a check-in begun in time may take to finish
/// (CHECKIN_GRACE_SECONDS), and the delay from the last decision to the teacher's report.
/// </summary>
public sealed record SessionTimes(TimeSpan OtpLifetime, TimeSpan ReportDelay)
{
    public static SessionTimes Seed { get; } = new(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15));

    /// <summary>After the code expires, check-ins begun in time may still finish (location, video note, retries).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.Zero;

    public DateTimeOffset ExpiresAt(DateTimeOffset createdAt) => createdAt + OtpLifetime;

    public DateTimeOffset GraceEndsAt(DateTimeOffset createdAt) => createdAt + OtpLifetime + Grace;

    /// <summary>The earliest the report may go out; <see cref="CheckInWindow.ReportDue"/> says when it does.</summary>
    public DateTimeOffset ReportDueAt(DateTimeOffset createdAt) => createdAt + OtpLifetime + ReportDelay;

    /// <summary>LATE_AFTER_MINUTES: a check-in whose proof arrives <paramref name="lateAfter"/> or more after the session opened is Late.</summary>
    public static bool IsLate(DateTimeOffset openedAt, DateTimeOffset at, TimeSpan? lateAfter) =>
        lateAfter is { } after && at - openedAt >= after;

    /// <summary>The session's date in the institute's local calendar (the LMS records attendance per day).</summary>
    public static DateOnly DateOf(DateTimeOffset createdAt, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(createdAt, zone).DateTime);
}
