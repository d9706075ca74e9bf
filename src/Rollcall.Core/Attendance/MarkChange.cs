namespace Rollcall.Attendance;

/// <summary>A mark as the rules see it: its status, the attempts used, the reason stored with it, and whether the teacher set it.</summary>
public sealed record MarkState(MarkStatus Status, int AttemptsUsed, string? Reason = null, bool SetByTeacher = false)
{
    /// <summary>A check-in's mark before any verification.</summary>
    public static MarkState New { get; } = new(MarkStatus.Pending, 0);

    /// <summary>The check-in is over: present, late, refused, waiting for the teacher, or set by the teacher.</summary>
    public bool IsDecided => Status != MarkStatus.Pending;

    /// <summary>In class: present or late.</summary>
    public bool Attended => Status is MarkStatus.Present or MarkStatus.Late;
}

/// <summary>What a receipt attests; the words are the bots' (MarkWords), the signature covers them.</summary>
public enum Attestation
{
    Present,
    SentToReview,
    RefusedLookAlike,
    Refused,
    AttemptFailed,
    ApprovedByTeacher,
    RejectedByTeacher,
    NotReviewedInTime,

    /// <summary>Verified, after LATE_AFTER_MINUTES.</summary>
    Late,

    /// <summary>The teacher set the status (the statement's outcome names it).</summary>
    SetByTeacher,

    AttemptsReset,
}

/// <summary>A receipt's statement: what it attests, with the outcome's name and the attempt where they matter.</summary>
public sealed record ReceiptStatement(Attestation Attests, string Outcome = "", int Attempt = 0);

/// <summary>The mark's next state and everything that goes with it; the store applies it in the decision's transaction.</summary>
public sealed record MarkChange(MarkState Next, string AuditAction, string AuditDetail, ReceiptStatement Receipt)
{
    /// <summary>The decision is final for now: the mark's DecidedAt is set.</summary>
    public bool Decided { get; init; }

    /// <summary>Present: the LMS submission goes into the outbox and the student ID is bound to the account, if it is not yet.</summary>
    public bool MarksPresent { get; init; }

    /// <summary>The clip's face is kept with the mark, to spot one face marking two IDs.</summary>
    public bool KeepsProbe { get; init; }

    /// <summary>The check-in goes to the teacher, for this reason.</summary>
    public ReviewReason? OpensReview { get; init; }

    /// <summary>A person decided (the teacher's review).</summary>
    public bool Reviewed { get; init; }

    /// <summary>The LMS submission goes into the outbox, without binding the ID (the teacher's own marks).</summary>
    public bool SendsToLms { get; init; }

    /// <summary>The teacher set the status: the mark shows it apart, with <see cref="Remark"/>.</summary>
    public bool SetByTeacher { get; init; }

    public string? Remark { get; init; }

    /// <summary>The mark is undecided again (attempts reset): its DecidedAt is cleared.</summary>
    public bool Reopens { get; init; }

    /// <summary>The student hears of the change, with its receipt (a remark alone changes nothing for them).</summary>
    public bool Notifies { get; init; }
}

/// <summary>Whether a check-in may take another attempt.</summary>
public enum Admission
{
    Open,
    AlreadyPresent,
    InReview,
    NoAttemptsLeft,

    /// <summary>The teacher set the status (excused or absent): only the teacher changes it now.</summary>
    SetByTeacher,
}
