namespace Rollcall.Storage.Entities;

/// <summary>A grey-band check-in waiting for the teacher's Approve or Reject, valid until the session's report.</summary>
public class ReviewRequest
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public long StudentChatId { get; set; }

    public long TelegramUserId { get; set; }

    /// <summary>Why it needs a person: <c>similarity</c>, <c>liveness</c> or <c>location</c>.</summary>
    public string Reason { get; set; } = "";

    public double? Similarity { get; set; }

    public double? DistanceMetres { get; set; }

    public double? AccuracyMetres { get; set; }

    /// <summary>ID photo and video frame side by side (JPEG); removed after the decision unless MEDIA_RETENTION keeps it.</summary>
    public byte[]? Image { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>approved</c>, <c>rejected</c> or <c>expired</c> (the report went out first); null while open.</summary>
    public string? Decision { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
