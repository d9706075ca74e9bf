using Rollcall.Geofence;

namespace Rollcall.Sessions;

/// <summary>One attendance session opened by a teacher: its code, batches, subject, date and geofence centre.</summary>
public sealed record ClassSession(
    Guid Id,
    long TeacherId,
    string Otp,
    IReadOnlyList<string> Batches,
    string Subject,
    DateOnly Date,
    GeoPoint Centre,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset ReportDueAt)
{
    /// <summary>The code is accepted strictly before <see cref="ExpiresAt"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => now < ExpiresAt;
}
