namespace Rollcall.Storage.Entities;

/// <summary>Wrong OTP/ID tries of one Telegram user, for the lock-out.</summary>
public class OtpLock
{
    public long TelegramUserId { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
