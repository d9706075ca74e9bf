using Rollcall.Faces;

namespace Rollcall.Storage.Entities;

/// <summary>A queued face verification; unique per session, student and attempt so a double send counts once.</summary>
public class VerificationJob
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public int Attempt { get; set; }

    public long ChatId { get; set; }

    public long TelegramUserId { get; set; }

    public string FileId { get; set; } = "";

    public string FileUniqueId { get; set; } = "";

    public ChallengeKind Challenge { get; set; }

    /// <summary>Distance from the teacher when the location was too imprecise to prove presence: a match goes to review.</summary>
    public double? DistanceMetres { get; set; }

    /// <summary>The imprecise location's accuracy radius, shown to the reviewing teacher.</summary>
    public double? AccuracyMetres { get; set; }

    public JobState State { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// How many times a worker has claimed the job. Each claim's number is its fencing token: only the holder of the
    /// latest claim may decide, defer or give the job back, so a worker whose lease ran out cannot decide it late.
    /// </summary>
    public int Claims { get; set; }

    /// <summary>
    /// Claims that did not end cleanly: the engine's faults and claims whose worker crashed or hung. A claim given back
    /// on an orderly stop or for a Telegram failure is taken off again, so only the note's own trouble parks it.
    /// </summary>
    public int Tries { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>Lifecycle of a durable work row.</summary>
public enum JobState
{
    Queued,
    Done,
}
