using System.Globalization;

namespace Rollcall.Attendance;

/// <summary>The teacher's side of the mark's state machine: a review decided, a status set, attempts given back.</summary>
public static partial class MarkDecision
{
    /// <summary>The statuses a teacher sets.</summary>
    public static readonly MarkStatus[] TeacherStatuses = [MarkStatus.Present, MarkStatus.Late, MarkStatus.Excused, MarkStatus.Absent];

    private static MarkChange Review(MarkState mark, MarkEvent.Reviewed reviewed) => reviewed.Approved
        ? new MarkChange(mark with { Status = reviewed.Late ? MarkStatus.Late : MarkStatus.Present, Reason = null }, AuditAction.ReviewApproved,
            ReviewDetail(reviewed), new ReceiptStatement(Attestation.ApprovedByTeacher))
        {
            Decided = true,
            Reviewed = true,
            MarksPresent = true,
        }
        : new MarkChange(mark with { Status = MarkStatus.Refused, Reason = "rejected in review" }, AuditAction.ReviewRejected, ReviewDetail(reviewed),
            new ReceiptStatement(Attestation.RejectedByTeacher))
        {
            Decided = true,
            Reviewed = true,
        };

    /// <summary>
    /// The teacher's status replaces the machine's or an earlier one of the teacher's, and goes to the LMS. The ID is not
    /// bound: a binding comes from a verified face only. Setting the same status again changes only the remark.
    /// </summary>
    private static MarkChange Set(MarkState mark, MarkEvent.TeacherSet set)
    {
        if (!TeacherStatuses.Contains(set.Status))
        {
            throw new ArgumentOutOfRangeException(nameof(set), set.Status, "A teacher sets Present, Late, Excused or Absent.");
        }

        var was = mark.SetByTeacher ? $"{Name(mark.Status)} (teacher)" : Name(mark.Status);
        var detail = $"{Name(set.Status)}, was {was}; {set.Reason}" + (set.Remark is { Length: > 0 } remark ? "; remark: " + remark : "");
        return new MarkChange(mark with { Status = set.Status, Reason = "teacher: " + set.Reason, SetByTeacher = true }, AuditAction.TeacherSet, detail,
            new ReceiptStatement(Attestation.SetByTeacher, Name(set.Status)))
        {
            Decided = true,
            SendsToLms = true,
            SetByTeacher = true,
            Remark = set.Remark,
            Notifies = mark.Status != set.Status || !mark.SetByTeacher,
        };
    }

    /// <summary>
    /// Fresh attempts for a student not in class (refused, failed, or set excused or absent): the mark is undecided again
    /// and the machine decides the next check-in. Null for a student present, late or in review: nothing to reset.
    /// </summary>
    private static MarkChange? Reset(MarkState mark, MarkEvent.AttemptsReset reset) =>
        mark.Attended || mark.Status == MarkStatus.InReview
            ? null
            : new MarkChange(MarkState.New, AuditAction.AttemptsReset,
                string.Create(CultureInfo.InvariantCulture, $"was {Name(mark.Status)}, {mark.AttemptsUsed} attempt(s) used; {reset.Reason}"),
                new ReceiptStatement(Attestation.AttemptsReset))
            {
                Reopens = true,
                SendsToLms = mark.SetByTeacher,
                Notifies = true,
            };

    /// <summary>
    /// Attempts are counted per student and account: the new account starts afresh, unless the mark is in class, waits for
    /// the teacher, or is the teacher's own (the teacher decides those). Nothing is told to the account that used them.
    /// </summary>
    private static MarkChange? SetAside(MarkState mark) =>
        mark.Attended || mark.Status == MarkStatus.InReview || mark.SetByTeacher || mark == MarkState.New
            ? null
            : new MarkChange(MarkState.New, AuditAction.AttemptsSetAside,
                string.Create(CultureInfo.InvariantCulture, $"was {Name(mark.Status)}, {mark.AttemptsUsed} attempt(s) used by another account"),
                new ReceiptStatement(Attestation.AttemptsReset))
            {
                Reopens = true,
            };

    private static string Name(MarkStatus status) => status.ToString().ToLowerInvariant();

    private static string ReviewDetail(MarkEvent.Reviewed reviewed) =>
        string.Create(CultureInfo.InvariantCulture, $"{reviewed.Reason}, similarity {reviewed.Similarity:0.0}");
}
