namespace Rollcall.Sessions;

/// <summary>The timings of a session: OTP lifetime and the delay from expiry to the teacher's report.</summary>
public sealed record SessionTimes(TimeSpan OtpLifetime, TimeSpan ReportDelay)
{
    public static SessionTimes Seed { get; } = new(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15));

    public DateTimeOffset ExpiresAt(DateTimeOffset createdAt) => createdAt + OtpLifetime;

    public DateTimeOffset ReportDueAt(DateTimeOffset createdAt) => createdAt + OtpLifetime + ReportDelay;

    /// <summary>The session's date in the institute's local calendar (the LMS records attendance per day).</summary>
    public static DateOnly DateOf(DateTimeOffset createdAt, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(createdAt, zone).DateTime);
}
