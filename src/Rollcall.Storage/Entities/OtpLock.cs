using Rollcall.Otp;

namespace Rollcall.Storage.Entities;

/// <summary>Wrong OTP/ID tries of one Telegram user, for the lock-out.</summary>
public class OtpLock
{
    public long TelegramUserId { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The row as <see cref="OtpLockout"/> counts.</summary>
    public OtpCount Count => new(Failures, WindowStartedAt, LockedUntil);

    public void Take(OtpCount count) => (Failures, WindowStartedAt, LockedUntil) = (count.Failures, count.WindowStartedAt, count.LockedUntil);
}
