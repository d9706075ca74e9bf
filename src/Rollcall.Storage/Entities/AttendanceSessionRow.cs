namespace Rollcall.Storage.Entities;

/// <summary>An attendance session; <see cref="OtpSlot"/> holds the code while it may still be entered (unique), null after.</summary>
public class AttendanceSessionRow
{
    public Guid Id { get; set; }

    public long TeacherId { get; set; }

    public long TeacherChatId { get; set; }

    public string Otp { get; set; } = "";

    public string? OtpSlot { get; set; }

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }

    public double CentreLatitude { get; set; }

    public double CentreLongitude { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset ReportDueAt { get; set; }

    public DateTimeOffset? ReportClaimedUntil { get; set; }

    public DateTimeOffset? ReportSentAt { get; set; }

    /// <summary>How many of the scheduled report's replies went out, in order: a retry sends only the rest.</summary>
    public int ReportPartsSent { get; set; }

    public List<SessionBatch> Batches { get; set; } = [];

    public List<SessionStudent> Students { get; set; } = [];
}
