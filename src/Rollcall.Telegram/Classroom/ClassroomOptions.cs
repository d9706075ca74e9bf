using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Attendance;
using Rollcall.Configuration;
using Rollcall.Otp;
using Rollcall.Sessions;

namespace Rollcall.Telegram.Classroom;

/// <summary>The classroom rules: OTP lifetime, geofence, attempts, lock-outs, report timing, retention.</summary>
public sealed class ClassroomOptions : IValidatableObject
{
    [ConfigurationKeyName("OTP_EXPIRY_SECONDS")]
    [Range(10, 3600)]
    public int OtpExpirySeconds { get; set; } = 120;

    /// <summary>After the code expires, a check-in begun in time may finish (location, video note, retries) for this long.</summary>
    [ConfigurationKeyName("CHECKIN_GRACE_SECONDS")]
    [Range(0, 3600)]
    public int CheckinGraceSeconds { get; set; } = 180;

    /// <summary>Check-ins whose video note comes this many minutes after the session opened are Late; 0 is off.</summary>
    [ConfigurationKeyName("LATE_AFTER_MINUTES")]
    [Range(0, 1440)]
    [SettingExample("10")]
    public int LateAfterMinutes { get; set; }

    /// <summary>The code and its QR change every this many seconds, the last two accepted; 0 is off.</summary>
    [ConfigurationKeyName("CODE_ROTATION_SECONDS")]
    [Range(0, 3600)]
    [SettingExample("30")]
    public int CodeRotationSeconds { get; set; }

    [ConfigurationKeyName("LOCATION_DISTANCE_LIMIT_METERS")]
    [Range(5.0, 5000.0)]
    public double DistanceLimitMetres { get; set; } = 50;

    [ConfigurationKeyName("FACE_VERIFICATION_MAX_RETRIES")]
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 1;

    [ConfigurationKeyName("REPORT_DELAY_SECONDS")]
    [Range(0, 86400)]
    public int ReportDelaySeconds { get; set; } = 15;

    [ConfigurationKeyName("SESSION_CLEANUP_INTERVAL_SECONDS")]
    [Range(5, 86400)]
    public int CleanupIntervalSeconds { get; set; } = 300;

    [ConfigurationKeyName("OTP_MAX_FAILED_TRIES")]
    [Range(1, 100)]
    public int OtpMaxFailedTries { get; set; } = 5;

    [ConfigurationKeyName("OTP_LOCKOUT_SECONDS")]
    [Range(10, 86400)]
    public int OtpLockoutSeconds { get; set; } = 600;

    /// <summary>Wrong IDs sent with one open session's code, from all accounts, per lock-out period; past it accounts lock sooner.</summary>
    [ConfigurationKeyName("OTP_SESSION_MAX_FAILED_TRIES")]
    [Range(1, 10000)]
    public int OtpSessionMaxFailedTries { get; set; } = 20;

    /// <summary>Wrong codes sent with an ID on one open session's roster, from all accounts, per lock-out period.</summary>
    [ConfigurationKeyName("OTP_SESSION_MAX_WRONG_CODES")]
    [Range(1, 100000)]
    public int OtpSessionMaxWrongCodes { get; set; } = 50;

    /// <summary>Wrong tries an account has once a session's limit is reached; at least 2, so a first typo never locks.</summary>
    [ConfigurationKeyName("OTP_SATURATED_MAX_FAILED_TRIES")]
    [Range(2, 100)]
    public int OtpSaturatedMaxFailedTries { get; set; } = 2;

    [ConfigurationKeyName("LIVE_LOCATION_REQUIRED")]
    public bool LiveLocationRequired { get; set; } = true;

    [ConfigurationKeyName("REVIEW_BAND")]
    [Range(0.0, 50.0)]
    public double ReviewBand { get; set; } = 10;

    /// <summary>Refuse a match whose face is closer to a student already marked in the session than to the own photo.</summary>
    [ConfigurationKeyName("DUPLICATE_FACE_CHECK")]
    public bool DuplicateFaceCheck { get; set; } = true;

    [ConfigurationKeyName("CONVERSATION_IDLE_MINUTES")]
    [Range(1, 1440)]
    public int ConversationIdleMinutes { get; set; } = 15;

    [ConfigurationKeyName("TIME_ZONE")]
    [SettingExample("Asia/Kolkata")]
    public string TimeZone { get; set; } = "UTC";

    [ConfigurationKeyName("AUDIT_RETENTION_DAYS")]
    [Range(1, 36500)]
    public int AuditRetentionDays { get; set; } = 365;

    /// <summary>none (review pictures go once decided), or how long they are kept: 30m, 12h, 7d.</summary>
    [ConfigurationKeyName("MEDIA_RETENTION")]
    [SettingExample("none")]
    public string MediaRetention { get; set; } = "none";

    /// <summary>How long review pictures are kept; null for none.</summary>
    public TimeSpan? MediaRetentionSpan => RetentionSpan.TryParse(MediaRetention, out var span) ? span : null;

    public SessionTimes Times => new(TimeSpan.FromSeconds(OtpExpirySeconds), TimeSpan.FromSeconds(ReportDelaySeconds))
    {
        Grace = TimeSpan.FromSeconds(CheckinGraceSeconds),
    };

    /// <summary>LATE_AFTER_MINUTES as a span; null when off.</summary>
    public TimeSpan? LateAfter => LateAfterMinutes > 0 ? TimeSpan.FromMinutes(LateAfterMinutes) : null;

    /// <summary>CODE_ROTATION_SECONDS as a span; null when off.</summary>
    public TimeSpan? CodeRotation => CodeRotationSeconds > 0 ? TimeSpan.FromSeconds(CodeRotationSeconds) : null;

    public AttemptPolicy Attempts => new(MaxRetries);

    public OtpLimits OtpLimits => new(OtpMaxFailedTries, OtpSessionMaxFailedTries, TimeSpan.FromSeconds(OtpLockoutSeconds))
    {
        SessionMaxWrongCodes = OtpSessionMaxWrongCodes,
        SaturatedMaxTries = OtpSaturatedMaxFailedTries,
    };

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new($"TIME_ZONE must be an IANA time zone, e.g. Asia/Kolkata (got '{TimeZone}')");
        }

        if (CodeRotationSeconds is > 0 and < 5)
        {
            yield return new($"CODE_ROTATION_SECONDS must be 0 (off) or 5-3600, e.g. 30 (got '{CodeRotationSeconds}')");
        }

        if (!RetentionSpan.TryParse(MediaRetention, out _))
        {
            yield return new($"MEDIA_RETENTION must be none or a duration such as 30m, 12h or 7d, e.g. none (got '{MediaRetention}')");
        }
    }
}
