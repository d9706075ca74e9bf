namespace Rollcall.Attendance;

/// <summary>What happens to a mark.</summary>
public abstract record MarkEvent
{
    private MarkEvent()
    {
    }

    /// <summary>The worker's verdict on the job of attempt <paramref name="Attempt"/>.</summary>
    public sealed record Verified(Verdict Verdict, int Attempt, AttemptPolicy Policy) : MarkEvent
    {
        /// <summary>The video note came after LATE_AFTER_MINUTES of the session: a match is Late.</summary>
        public bool Late { get; init; }
    }

    /// <summary>The teacher approved or rejected the review opened for <paramref name="Reason"/>.</summary>
    public sealed record Reviewed(bool Approved, string Reason, double? Similarity) : MarkEvent
    {
        /// <summary>The reviewed check-in came after LATE_AFTER_MINUTES: an approval is Late.</summary>
        public bool Late { get; init; }
    }

    /// <summary>The report went out while the review was still open.</summary>
    public sealed record ReviewExpired(string Reason) : MarkEvent;

    /// <summary>
    /// The teacher sets the status (Present, Late, Excused or Absent) for a reason ("roll", "notice", an appeal), with an
    /// optional remark, whatever the mark was: the teacher's word is final until the teacher changes it.
    /// </summary>
    public sealed record TeacherSet(MarkStatus Status, string Reason, string? Remark = null) : MarkEvent;

    /// <summary>The teacher gives a student who is not in class fresh attempts: the check-in may start again.</summary>
    public sealed record AttemptsReset(string Reason) : MarkEvent;

    /// <summary>
    /// The ID is bound to a new account (the teacher unbound the one that checked in), which now begins a check-in: the
    /// attempts so far were the other account's, not this one's (M3).
    /// </summary>
    public sealed record AnotherAccountsAttempts : MarkEvent;
}
