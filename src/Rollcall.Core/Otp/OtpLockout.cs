namespace Rollcall.Otp;

/// <summary>Wrong ID/OTP pairs allowed per account and per session (all accounts together) within one lock-out period.</summary>
public sealed record OtpLimits(int MaxTries, int SessionMaxTries, TimeSpan Lockout);

/// <summary>After a wrong try: tries left before the lock-out, or the lock-out's end.</summary>
public sealed record OtpFailure(int TriesLeft, DateTimeOffset? LockedUntil);

/// <summary>One account's wrong tries: how many since <see cref="WindowStartedAt"/>, and the lock-out's end once locked.</summary>
public sealed record OtpCount(int Failures, DateTimeOffset WindowStartedAt, DateTimeOffset? LockedUntil)
{
    public static OtpCount Fresh(DateTimeOffset now) => new(0, now, null);
}

/// <summary>
/// The lock-out rule for class codes: an account is locked out at <see cref="OtpLimits.MaxTries"/> wrong pairs within one
/// lock-out period, or at once when the code is an open session's and that session has seen
/// <see cref="OtpLimits.SessionMaxTries"/> wrong IDs from all accounts (so guessing IDs with many accounts runs into a limit
/// that no single account reaches).
/// </summary>
public static class OtpLockout
{
    /// <summary>The end of the account's lock-out when it is locked out at <paramref name="now"/>.</summary>
    public static DateTimeOffset? LockedUntil(OtpCount? count, DateTimeOffset now) =>
        count?.LockedUntil is { } until && until > now ? until : null;

    /// <summary>
    /// Counts one wrong pair. <paramref name="sessionWrongIds"/> is the wrong IDs the code's open session has seen within the
    /// last lock-out period (this one not counted), or null when the code is no open session's.
    /// </summary>
    public static OtpLockoutResult RecordFailure(OtpCount? count, DateTimeOffset now, OtpLimits limits, int? sessionWrongIds)
    {
        var current = count ?? OtpCount.Fresh(now);

        // A finished lock-out, or failures older than one lock-out period, start a fresh count.
        var stale = current.LockedUntil is { } until ? until <= now : now - current.WindowStartedAt > limits.Lockout;
        var next = stale ? OtpCount.Fresh(now) : current;
        next = next with { Failures = next.Failures + 1 };

        var sessionSaturated = sessionWrongIds >= limits.SessionMaxTries;
        string? lockReason = null;
        if (next.Failures >= limits.MaxTries || sessionSaturated)
        {
            next = next with { LockedUntil = now + limits.Lockout };
            lockReason = sessionSaturated && next.Failures < limits.MaxTries ? "session's wrong-ID limit reached" : $"{next.Failures} wrong codes";
        }

        var failure = new OtpFailure(next.LockedUntil is null ? Math.Max(0, limits.MaxTries - next.Failures) : 0, next.LockedUntil);
        return new OtpLockoutResult(next, failure, lockReason);
    }
}

/// <summary>The account's count after a wrong try, what the student is told, and why it locked (null when it did not).</summary>
public sealed record OtpLockoutResult(OtpCount Count, OtpFailure Failure, string? LockReason)
{
    public bool Locks => LockReason is not null;
}
