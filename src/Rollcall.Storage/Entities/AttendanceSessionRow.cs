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

    /// <summary>By the database's clock: until then the report's claim is held.</summary>
    public DateTimeOffset? ReportClaimedUntil { get; set; }

    /// <summary>How many times the report was claimed; each claim's number fences it (only the latest marks it sent).</summary>
    public int ReportClaims { get; set; }

    public DateTimeOffset? ReportSentAt { get; set; }

    public List<SessionBatch> Batches { get; set; } = [];

    public List<SessionStudent> Students { get; set; } = [];
}
