using System.Globalization;
using Rollcall.Faces;

namespace Rollcall.Attendance;

/// <summary>A mark as the rules see it: its status, the attempts used, and the reason stored with it.</summary>
public sealed record MarkState(MarkStatus Status, int AttemptsUsed, string? Reason = null)
{
    /// <summary>A check-in's mark before any verification.</summary>
    public static MarkState New { get; } = new(MarkStatus.Pending, 0);

    /// <summary>The check-in is over: present, refused, or waiting for the teacher.</summary>
    public bool IsDecided => Status is MarkStatus.Present or MarkStatus.Refused or MarkStatus.InReview;
}

/// <summary>What happens to a mark.</summary>
public abstract record MarkEvent
{
    private MarkEvent()
    {
    }

    /// <summary>The worker's verdict on the job of attempt <paramref name="Attempt"/>.</summary>
    public sealed record Verified(Verdict Verdict, int Attempt, AttemptPolicy Policy) : MarkEvent;

    /// <summary>The teacher approved or rejected the review opened for <paramref name="Reason"/>.</summary>
    public sealed record Reviewed(bool Approved, string Reason, double? Similarity) : MarkEvent;

    /// <summary>The report went out while the review was still open.</summary>
    public sealed record ReviewExpired(string Reason) : MarkEvent;
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
}

/// <summary>
/// The mark's state machine, in one place: what a face check's verdict, the teacher's review and the report's deadline do
/// to a mark, with the audit action, the receipt and the side effects that go with each transition.
/// </summary>
public static class MarkDecision
{
    /// <summary>Whether a check-in may queue another attempt: the outcome of TryQueueVerification short of the job itself.</summary>
    public static Admission Admit(MarkState? mark, AttemptPolicy policy) => mark switch
    {
        null => Admission.Open,
        { Status: MarkStatus.Present } => Admission.AlreadyPresent,
        { Status: MarkStatus.InReview } => Admission.InReview,
        _ when !policy.CanTry(mark.AttemptsUsed) => Admission.NoAttemptsLeft,
        _ => Admission.Open,
    };

    /// <summary>
    /// The transition for <paramref name="happened"/>, or null when a verification finds the mark decided already (present
    /// or in review): then nothing changes and nothing is recorded.
    /// </summary>
    public static MarkChange? Decide(MarkState mark, MarkEvent happened) => happened switch
    {
        MarkEvent.Verified verified => Verify(mark, verified),
        MarkEvent.Reviewed { Approved: true } reviewed => new MarkChange(
            mark with { Status = MarkStatus.Present, Reason = null }, AuditAction.ReviewApproved, ReviewDetail(reviewed),
            new ReceiptStatement(Attestation.ApprovedByTeacher))
        {
            Decided = true,
            Reviewed = true,
            MarksPresent = true,
        },
        MarkEvent.Reviewed reviewed => new MarkChange(
            mark with { Status = MarkStatus.Refused, Reason = "rejected in review" }, AuditAction.ReviewRejected, ReviewDetail(reviewed),
            new ReceiptStatement(Attestation.RejectedByTeacher))
        {
            Decided = true,
            Reviewed = true,
        },
        MarkEvent.ReviewExpired expired => new MarkChange(
            mark with { Status = MarkStatus.Refused, Reason = "review expired" }, AuditAction.ReviewExpired, expired.Reason,
            new ReceiptStatement(Attestation.NotReviewedInTime))
        {
            Decided = true,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(happened)),
    };

    private static MarkChange? Verify(MarkState mark, MarkEvent.Verified verified)
    {
        if (mark.Status is MarkStatus.Present or MarkStatus.InReview)
        {
            return null;
        }

        var (verdict, attempt, policy) = (verified.Verdict, verified.Attempt, verified.Policy);
        var check = verdict.Check;
        var outcome = check.GetType().Name;

        // The job's attempt number, not +1: a job run twice after a crash still counts once. A parked note uses none.
        var used = verdict.UsesAttempt || check is FaceCheck.Match ? Math.Max(mark.AttemptsUsed, attempt) : mark.AttemptsUsed;
        var detail = Detail(check, attempt);
        if (verdict.Collusion is { } other && check is FaceCheck.Match)
        {
            // One face, two IDs: the clip looks more like a student already marked than like this student's own photo.
            return new MarkChange(new MarkState(MarkStatus.Refused, used, "collusion:" + other.StudentId), AuditAction.RefusedDuplicateFace,
                string.Create(CultureInfo.InvariantCulture, $"similarity {check.Similarity:0.0} to own photo, {other.Similarity:0.0} to {other.StudentId} (marked present)"),
                new ReceiptStatement(Attestation.RefusedLookAlike))
            {
                Decided = true,
            };
        }

        if (verdict.Review is { } reason)
        {
            var name = ReviewPolicy.NameOf(reason);
            return new MarkChange(new MarkState(MarkStatus.InReview, used, "review:" + name), AuditAction.ReviewRequested, name + ": " + detail,
                new ReceiptStatement(Attestation.SentToReview))
            {
                OpensReview = reason,
                KeepsProbe = check is FaceCheck.Match,
            };
        }

        if (check is FaceCheck.Match)
        {
            return new MarkChange(new MarkState(MarkStatus.Present, used), AuditAction.Present, detail, new ReceiptStatement(Attestation.Present))
            {
                Decided = true,
                MarksPresent = true,
                KeepsProbe = true,
            };
        }

        if (verdict.UsesAttempt)
        {
            var refused = !policy.CanTry(used);
            var next = new MarkState(refused ? MarkStatus.Refused : mark.Status, used, outcome);
            return new MarkChange(next, refused ? AuditAction.Refused : AuditAction.AttemptFailed, detail, Statement(next.Status, outcome, attempt))
            {
                Decided = refused,
            };
        }

        // Not the student's fault (no ID photo, the note could not be fetched): no attempt used, the mark stays.
        return new MarkChange(mark, AuditAction.NotChecked, detail, Statement(mark.Status, outcome, attempt));
    }

    /// <summary>A failed or unchecked attempt's receipt: refused when the mark is, otherwise the attempt that failed.</summary>
    private static ReceiptStatement Statement(MarkStatus status, string outcome, int attempt) => status == MarkStatus.Refused
        ? new ReceiptStatement(Attestation.Refused, outcome)
        : new ReceiptStatement(Attestation.AttemptFailed, outcome, attempt);

    /// <summary>The outcome, the similarity when there was one, and the attempt: "Mismatch, similarity 52.0, attempt 1".</summary>
    private static string Detail(FaceCheck check, int attempt) =>
        check.Similarity is { } similarity
            ? string.Create(CultureInfo.InvariantCulture, $"{check.GetType().Name}, similarity {similarity:0.0}, attempt {attempt}")
            : string.Create(CultureInfo.InvariantCulture, $"{check.GetType().Name}, attempt {attempt}");

    private static string ReviewDetail(MarkEvent.Reviewed reviewed) =>
        string.Create(CultureInfo.InvariantCulture, $"{reviewed.Reason}, similarity {reviewed.Similarity:0.0}");
}

/// <summary>Whether a check-in may take another attempt.</summary>
public enum Admission
{
    Open,
    AlreadyPresent,
    InReview,
    NoAttemptsLeft,
}
