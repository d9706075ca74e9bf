namespace Rollcall.Storage.Entities;

/// <summary>A teacher's LMS tokens, sealed; one row per teacher.</summary>
public class LmsToken
{
    public long TeacherId { get; set; }

    public string AccessSealed { get; set; } = "";

    public DateTimeOffset AccessExpiresAt { get; set; }

    public string RefreshSealed { get; set; } = "";

    public DateTimeOffset RefreshExpiresAt { get; set; }

    public string MentorId { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
