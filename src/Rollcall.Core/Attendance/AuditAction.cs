namespace Rollcall.Attendance;

/// <summary>The decisions the audit log records, as stored in the audit log.</summary>
public static class AuditAction
{
    public const string SessionOpened = "session-opened";

    /// <summary>The teacher gave the code more time (+2 min on the session message).</summary>
    public const string SessionExtended = "session-extended";

    /// <summary>The teacher closed the check-in early (Close now).</summary>
    public const string SessionClosed = "session-closed";

    /// <summary>The teacher moved the class area's centre.</summary>
    public const string SessionRecentred = "session-recentred";

    /// <summary>The teacher added a remark to a mark without changing its status.</summary>
    public const string Remark = "remark";

    /// <summary>A wrong student ID sent with an open session's code.</summary>
    public const string WrongId = "wrong-id";

    /// <summary>A wrong code sent with a student ID on an open session's roster (recorded against that session).</summary>
    public const string WrongCode = "wrong-code";
    public const string LockedOut = "locked-out";
    public const string BoundToAnotherAccount = "refused-bound-id";
    public const string AnotherIdThisSession = "refused-second-id";
    public const string Present = "present";

    /// <summary>Verified, after LATE_AFTER_MINUTES of the session.</summary>
    public const string Late = "late";

    /// <summary>A face check that failed and used an attempt, with attempts left.</summary>
    public const string AttemptFailed = "attempt-failed";

    /// <summary>The last attempt failed: the student is refused for the session.</summary>
    public const string Refused = "refused";

    /// <summary>A face check that could not run for a reason not the student's (no ID photo); no attempt used.</summary>
    public const string NotChecked = "not-checked";
    public const string Unbind = "unbind";

    /// <summary>The clip's face is closer to a student already marked present than to the own photo.</summary>
    public const string RefusedDuplicateFace = "refused-collusion";
    public const string ReviewRequested = "review-requested";
    public const string ReviewApproved = "review-approved";
    public const string ReviewRejected = "review-rejected";

    /// <summary>The report went out before the teacher decided.</summary>
    public const string ReviewExpired = "review-expired";

    /// <summary>The teacher set a mark's status (Present, Late, Excused, Absent), with the reason and any remark.</summary>
    public const string TeacherSet = "teacher-set";

    /// <summary>The teacher gave a student fresh attempts.</summary>
    public const string AttemptsReset = "attempts-reset";

    /// <summary>A newly bound account began a check-in: the attempts another account used under the ID were set aside (M3).</summary>
    public const string AttemptsSetAside = "attempts-set-aside";

    /// <summary>A student removed their binding and face data (/forget).</summary>
    public const string Forget = "forget";

    /// <summary>A student fell below ATTENDANCE_WARNING_PERCENT in a subject and was told.</summary>
    public const string AttendanceWarning = "attendance-warning";

    /// <summary>Attendance over a term written to a file (a file of personal data: who took it, and what).</summary>
    public const string Exported = "exported";

    /// <summary>A student's enrolment note passed the machine's checks and waits for the teacher's approval.</summary>
    public const string EnrolmentRequested = "enrolment-requested";

    /// <summary>The machine refused an enrolment note (no usable face, not live, unreadable).</summary>
    public const string EnrolmentRefused = "enrolment-refused";

    /// <summary>An enrolment note showed the face of another ID (enrolled or awaiting approval): refused, the teacher told.</summary>
    public const string EnrolmentFaceOfAnother = "enrolment-face-of-another";

    /// <summary>A second Telegram account asked to enrol an ID whose request is open: the teacher is told once.</summary>
    public const string EnrolmentContested = "enrolment-contested";

    /// <summary>The teacher or the operator approved an enrolment: the frame is the ID photo.</summary>
    public const string EnrolmentApproved = "enrolment-approved";
    public const string EnrolmentRejected = "enrolment-rejected";

    /// <summary>A student appealed a session's decision with its receipt; the teacher was sent the evidence.</summary>
    public const string AppealFiled = "appeal-filed";

    /// <summary>The teacher rejected an appeal: the mark stands. (An approval is the teacher's correction, <see cref="TeacherSet"/>.)</summary>
    public const string AppealRejected = "appeal-rejected";

    /// <summary>A checked-in student's live location left the class area while the check-in window was open (H2); the mark stands.</summary>
    public const string LeftArea = "left-area";

    /// <summary>The refusals that the teacher's report counts.</summary>
    public static readonly string[] BindingRefusals = [BoundToAnotherAccount, AnotherIdThisSession];
}
