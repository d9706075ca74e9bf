using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Storage.CheckIns;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The one message a student gets for each verification outcome.</summary>
public static class VerificationMessages
{
    /// <summary>
    /// The student's message for a verdict: the teacher's review and a refused look-alike come first. With
    /// <paramref name="selfEnrolment"/> (ENROLMENT=self) a student without an ID photo is sent to /enrol.
    /// </summary>
    public static Reply.Message For(Verdict verdict, VerificationDecision decision, bool selfEnrolment = false)
    {
        if (decision.Status == MarkStatus.InReview)
        {
            return Reply.Text(verdict.Check is FaceCheck.Unchecked && !decision.AlreadyDecided ? TextKey.NoteUnchecked : TextKey.ReviewPending, decision.Subject);
        }

        return !decision.AlreadyDecided && verdict.Collusion is not null
            ? Reply.Text(TextKey.LookAlikeRefused)
            : For(verdict.Check, decision, selfEnrolment);
    }

    /// <summary>The message with its receipt line, when the decision has one.</summary>
    public static Reply.Message WithReceipt(Reply.Message message, string? receipt) =>
        receipt is null ? message : message with { Content = new TextRef(TextKey.WithReceipt, message.Content, receipt) };

    /// <summary>A check's outcome for the teacher: "Mismatch, similarity 37.3".</summary>
    public static string Outcome(FaceCheck check) => check.Similarity is { } similarity
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{check.GetType().Name}, similarity {similarity:0.0}")
        : check.GetType().Name;

    public static Reply.Message For(FaceCheck check, VerificationDecision decision, bool selfEnrolment = false)
    {
        if (decision.AlreadyDecided && decision.Status == MarkStatus.Present)
        {
            return Reply.Text(TextKey.AlreadyPresent);
        }

        var next = decision.AttemptsLeft > 0
            ? new TextRef(TextKey.AttemptsLeft, decision.AttemptsLeft)
            : new TextRef(TextKey.NoAttemptsLeftContactTeacher);
        return check switch
        {
            FaceCheck.Match => Reply.Text(TextKey.AttendanceMarked, decision.Subject),
            FaceCheck.NoPhoto => Reply.Text(selfEnrolment ? TextKey.NoPhotoEnrol : TextKey.NoPhoto),
            FaceCheck.BadPhoto => Reply.Text(TextKey.BadPhoto),
            FaceCheck.NoFace => Reply.Text(TextKey.NoFace, next),
            FaceCheck.SeveralFaces => Reply.Text(TextKey.SeveralFaces, next),
            FaceCheck.FaceTooSmall => Reply.Text(TextKey.FaceTooSmall, next),
            FaceCheck.Mismatch mismatch => Reply.Text(TextKey.Mismatch, mismatch.Score, mismatch.Threshold, next),
            FaceCheck.NotLive => Reply.Text(TextKey.FaceNotLive, next),
            FaceCheck.ChallengeFailed => Reply.Text(TextKey.ChallengeFailed, next),
            _ => Reply.Text(TextKey.BadVideo, next),
        };
    }
}
