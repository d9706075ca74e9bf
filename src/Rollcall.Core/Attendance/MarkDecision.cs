using System.Globalization;
using Rollcall.Faces;

namespace Rollcall.Attendance;

/// <summary>
/// The mark's state machine, in one place: what a face check's verdict, the teacher's review, the report's deadline and
/// the teacher's own corrections (<see cref="MarkDecision"/>'s Teacher part) do to a mark, with the audit action, the
/// receipt and the side effects that go with each transition.
/// </summary>
public static partial class MarkDecision
{
    /// <summary>Whether a check-in may queue another attempt: the outcome of TryQueueVerification short of the job itself.</summary>
    public static Admission Admit(MarkState? mark, AttemptPolicy policy) => mark switch
    {
        null => Admission.Open,
        { Status: MarkStatus.Present or MarkStatus.Late } => Admission.AlreadyPresent,
        { Status: MarkStatus.InReview } => Admission.InReview,
        { SetByTeacher: true } => Admission.SetByTeacher,
        _ when !policy.CanTry(mark.AttemptsUsed) => Admission.NoAttemptsLeft,
        _ => Admission.Open,
    };

    /// <summary>
    /// The transition for <paramref name="happened"/>, or null when nothing changes and nothing is recorded: a verification
    /// that finds the mark decided already (present, in review, or set by the teacher), attempts reset for a student in class.
    /// </summary>
    public static MarkChange? Decide(MarkState mark, MarkEvent happened) => happened switch
    {
        MarkEvent.Verified verified => Verify(mark, verified),
        MarkEvent.Reviewed reviewed => Review(mark, reviewed),
        MarkEvent.ReviewExpired expired => new MarkChange(
            mark with { Status = MarkStatus.Refused, Reason = "review expired" }, AuditAction.ReviewExpired, expired.Reason,
            new ReceiptStatement(Attestation.NotReviewedInTime))
        {
            Decided = true,
        },
        MarkEvent.TeacherSet set => Set(mark, set),
        MarkEvent.AttemptsReset reset => Reset(mark, reset),
        MarkEvent.AnotherAccountsAttempts => SetAside(mark),
        _ => throw new ArgumentOutOfRangeException(nameof(happened)),
    };

    private static MarkChange? Verify(MarkState mark, MarkEvent.Verified verified)
    {
        if (mark.Status is MarkStatus.Present or MarkStatus.Late or MarkStatus.InReview || mark.SetByTeacher)
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
            return new MarkChange(new MarkState(verified.Late ? MarkStatus.Late : MarkStatus.Present, used),
                verified.Late ? AuditAction.Late : AuditAction.Present, detail, new ReceiptStatement(verified.Late ? Attestation.Late : Attestation.Present))
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
}
