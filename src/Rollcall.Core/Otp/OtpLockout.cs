namespace Rollcall.Otp;

/// <summary>
/// Wrong ID/OTP pairs allowed per account and, from all accounts together, per open session within one lock-out period:
/// <paramref name="SessionMaxTries"/> wrong IDs with the session's code, <see cref="SessionMaxWrongCodes"/> wrong codes with
/// an ID on its roster. Past either, an account locks at <see cref="SaturatedMaxTries"/> wrong pairs instead of
/// <paramref name="MaxTries"/>.
/// </summary>
public sealed record OtpLimits(int MaxTries, int SessionMaxTries, TimeSpan Lockout)
{
    public int SessionMaxWrongCodes { get; init; } = 50;

    /// <summary>At least 2, so that a session's saturated limit never locks out an honest student's first typo.</summary>
    public int SaturatedMaxTries { get; init; } = 2;
}

/// <summary>After a wrong try: tries left before the lock-out, or the lock-out's end.</summary>
public sealed record OtpFailure(int TriesLeft, DateTimeOffset? LockedUntil);

/// <summary>One account's wrong tries: how many since <see cref="WindowStartedAt"/>, and the lock-out's end once locked.</summary>
public sealed record OtpCount(int Failures, DateTimeOffset WindowStartedAt, DateTimeOffset? LockedUntil)
{
    public static OtpCount Fresh(DateTimeOffset now) => new(0, now, null);
}

/// <summary>What one open session has seen from all accounts within the last lock-out period (the try being counted not included).</summary>
public sealed record SessionTries(int WrongIds, int WrongCodes);

/// <summary>
/// The lock-out rule for class codes: an account is locked out at <see cref="OtpLimits.MaxTries"/> wrong pairs within one
/// lock-out period. Guessing with many accounts runs into the session's limits, which no single account reaches: past them
/// an account locks at <see cref="OtpLimits.SaturatedMaxTries"/> wrong pairs, still leaving one typo to an honest student.
/// </summary>
public static class OtpLockout
{
    /// <summary>The end of the account's lock-out when it is locked out at <paramref name="now"/>.</summary>
    public static DateTimeOffset? LockedUntil(OtpCount? count, DateTimeOffset now) =>
        count?.LockedUntil is { } until && until > now ? until : null;

    /// <summary>As below, with only the wrong IDs of the code's open session (null when the code is no open session's).</summary>
    public static OtpLockoutResult RecordFailure(OtpCount? count, DateTimeOffset now, OtpLimits limits, int? sessionWrongIds) =>
        RecordFailure(count, now, limits, sessionWrongIds is { } ids ? new SessionTries(ids, 0) : null);

    /// <summary>
    /// Counts one wrong pair. <paramref name="session"/> is what the session the try concerns has seen (the code's session
    /// for a wrong ID, the sessions whose roster has the ID for a wrong code), or null when it concerns none.
    /// </summary>
    public static OtpLockoutResult RecordFailure(OtpCount? count, DateTimeOffset now, OtpLimits limits, SessionTries? session)
    {
        var current = count ?? OtpCount.Fresh(now);

        // A finished lock-out, or failures older than one lock-out period, start a fresh count.
        var stale = current.LockedUntil is { } until ? until <= now : now - current.WindowStartedAt > limits.Lockout;
        var next = stale ? OtpCount.Fresh(now) : current;
        next = next with { Failures = next.Failures + 1 };

        var saturation = Saturation(session, limits);
        var allowed = saturation is null ? limits.MaxTries : Math.Min(limits.MaxTries, limits.SaturatedMaxTries);
        string? lockReason = null;
        if (next.Failures >= allowed)
        {
            next = next with { LockedUntil = now + limits.Lockout };
            lockReason = next.Failures < limits.MaxTries ? saturation : $"{next.Failures} wrong codes";
        }

        var failure = new OtpFailure(next.LockedUntil is null ? Math.Max(0, allowed - next.Failures) : 0, next.LockedUntil);
        return new OtpLockoutResult(next, failure, lockReason);
    }

    /// <summary>Which of the session's limits is reached, or null.</summary>
    private static string? Saturation(SessionTries? session, OtpLimits limits) => session switch
    {
        { WrongIds: var ids } when ids >= limits.SessionMaxTries => "session's wrong-ID limit reached",
        { WrongCodes: var codes } when codes >= limits.SessionMaxWrongCodes => "session's wrong-code limit reached",
        _ => null,
    };
}

/// <summary>The account's count after a wrong try, what the student is told, and why it locked (null when it did not).</summary>
public sealed record OtpLockoutResult(OtpCount Count, OtpFailure Failure, string? LockReason)
{
    public bool Locks => LockReason is not null;
}
