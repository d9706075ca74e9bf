namespace Rollcall.Storage.Entities;

/// <summary>
/// An attendance session; <see cref="OtpSlot"/> holds the code while it may still be entered (unique), null after, and
/// with CODE_ROTATION_SECONDS <see cref="PreviousOtpSlot"/> the code before it, which is still accepted.
/// </summary>
public class AttendanceSessionRow
{
    public Guid Id { get; set; }

    public long TeacherId { get; set; }

    public long TeacherChatId { get; set; }

    public string Otp { get; set; } = "";

    public string? OtpSlot { get; set; }

    /// <summary>The code before the last rotation (CODE_ROTATION_SECONDS), still accepted; null without rotation.</summary>
    public string? PreviousOtp { get; set; }

    public string? PreviousOtpSlot { get; set; }

    public DateTimeOffset? OtpRotatedAt { get; set; }

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }

    public double CentreLatitude { get; set; }

    public double CentreLongitude { get; set; }

    /// <summary>The accuracy radius of the teacher's fix that set the centre, when the phone reported one.</summary>
    public double? CentreAccuracy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Check-ins begun before <see cref="ExpiresAt"/> may finish until then (CHECKIN_GRACE_SECONDS).</summary>
    public DateTimeOffset GraceEndsAt { get; set; }

    public DateTimeOffset ReportDueAt { get; set; }

    /// <summary>By the database's clock: until then the report's claim is held.</summary>
    public DateTimeOffset? ReportClaimedUntil { get; set; }

    /// <summary>How many times the report was claimed; each claim's number fences it (only the latest marks it sent).</summary>
    public int ReportClaims { get; set; }

    public DateTimeOffset? ReportSentAt { get; set; }

    /// <summary>How many of the scheduled report's replies went out, in order: a retry sends only the rest.</summary>
    public int ReportPartsSent { get; set; }

    /// <summary>The teacher's session message, edited with the live roll's counts; null until it was sent.</summary>
    public int? LiveMessageId { get; set; }

    /// <summary>What that message shows now (the code and a digest of its caption), so that only a change is edited in.</summary>
    public string? LiveShown { get; set; }

    public List<SessionBatch> Batches { get; set; } = [];

    public List<SessionStudent> Students { get; set; } = [];
}
