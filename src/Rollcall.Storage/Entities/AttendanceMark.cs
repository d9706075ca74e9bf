using Rollcall.Attendance;

namespace Rollcall.Storage.Entities;

/// <summary>One student's standing in one session; unique per session and student.</summary>
public class AttendanceMark
{
    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public MarkStatus Status { get; set; }

    public int AttemptsUsed { get; set; }

    public double? Similarity { get; set; }

    public long? TelegramUserId { get; set; }

    public string? Reason { get; set; }

    public bool Reviewed { get; set; }

    /// <summary>The status is the teacher's own (set from the roll), not the machine's decision.</summary>
    public bool SetByTeacher { get; set; }

    /// <summary>The teacher's remark on the mark.</summary>
    public string? Remark { get; set; }

    /// <summary>The verified face's embedding (float32 bytes), kept while the session is open to spot one face marking two IDs.</summary>
    public byte[]? ProbeEmbedding { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The first live-location fix outside the class area while the check-in window was open (H2); the mark stands.</summary>
    public DateTimeOffset? LeftAreaAt { get; set; }

    /// <summary>That fix's distance from the centre, in metres.</summary>
    public double? LeftAreaMetres { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The mark as <see cref="MarkDecision"/> sees it.</summary>
    public MarkState State => new(Status, AttemptsUsed, Reason, SetByTeacher);

    /// <summary>Takes the rule's transition: the one place a mark's status changes.</summary>
    public void Apply(MarkChange change, DateTimeOffset now)
    {
        (Status, AttemptsUsed, Reason, SetByTeacher) = (change.Next.Status, change.Next.AttemptsUsed, change.Next.Reason, change.Next.SetByTeacher);
        if (change.Decided)
        {
            DecidedAt = now;
        }

        if (change.Reviewed)
        {
            Reviewed = true;
        }

        if (change.SetByTeacher)
        {
            Remark = change.Remark;
        }

        if (change.Reopens)
        {
            (DecidedAt, Reviewed, Remark) = (null, false, null);
        }
    }
}
