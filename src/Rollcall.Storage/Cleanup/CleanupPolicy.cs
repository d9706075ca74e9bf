namespace Rollcall.Storage.Cleanup;

/// <summary>How often cleanup runs and how long each kind of row is kept.</summary>
public sealed record CleanupPolicy(TimeSpan Interval, TimeSpan AuditRetention)
{
    /// <summary>Idle conversations are timed out by the bots with a message; their rows go a day later.</summary>
    public TimeSpan ConversationRetention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>MEDIA_RETENTION: how long review pictures are kept; null (none) removes them with the decision.</summary>
    public TimeSpan? MediaRetention { get; init; }
}
