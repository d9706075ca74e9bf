using Rollcall.Enrolment;
using Rollcall.Faces;

namespace Rollcall.Storage.Entities;

/// <summary>
/// A student's request to make a frame of their own video note their ID photo: a durable work row (the worker claims it
/// with a lease), then the frame waiting for the teacher's or the operator's approval.
/// </summary>
public class EnrolmentRequest
{
    public Guid Id { get; set; }

    public string StudentId { get; set; } = "";

    /// <summary>The student's ID while the request is open, null after: unique, so an ID has one open request.</summary>
    public string? OpenSlot { get; set; }

    /// <summary>The roster name the approver sees beside the frame.</summary>
    public string StudentName { get; set; } = "";

    public string Batch { get; set; } = "";

    public long TelegramUserId { get; set; }

    public long ChatId { get; set; }

    /// <summary>The teacher who approves (of a session the student tried to check in to, or of their batch); null: the operator only.</summary>
    public long? TeacherId { get; set; }

    public long? TeacherChatId { get; set; }

    public string FileId { get; set; } = "";

    public string FileUniqueId { get; set; } = "";

    public ChallengeKind Challenge { get; set; }

    public EnrolmentState State { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The best frame (JPEG) while it waits for approval; it is the ID photo once approved, then removed here.</summary>
    public byte[]? Photo { get; set; }

    /// <summary>The frame's face embedding (float32 bytes) while open: a later request with the same face for another ID is refused.</summary>
    public byte[]? Embedding { get; set; }

    /// <summary>The machine's refusal or the decision's reason, for the operator's list and the audit.</summary>
    public string? Outcome { get; set; }

    /// <summary>The stored ID photo's version tag: /forget removes the photo only while it is still this one.</summary>
    public string? PhotoVersion { get; set; }

    /// <summary>When another account asked for the same ID while this was open (the teacher is told once).</summary>
    public DateTimeOffset? ContestedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>When the student heard the decision; null after one taken from the command line, which the worker then tells.</summary>
    public DateTimeOffset? ToldAt { get; set; }
}
