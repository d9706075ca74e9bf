namespace Rollcall.Attendance;

/// <summary>The decisions the audit log records, as stored in the audit log.</summary>
public static class AuditAction
{
    public const string SessionOpened = "session-opened";

    /// <summary>A wrong student ID sent with an open session's code.</summary>
    public const string WrongId = "wrong-id";

    /// <summary>A wrong code sent with a student ID on an open session's roster (recorded against that session).</summary>
    public const string WrongCode = "wrong-code";
    public const string LockedOut = "locked-out";
    public const string BoundToAnotherAccount = "refused-bound-id";
    public const string AnotherIdThisSession = "refused-second-id";
    public const string Present = "present";

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

    /// <summary>A student removed their binding and face data (/forget).</summary>
    public const string Forget = "forget";

    /// <summary>A student fell below ATTENDANCE_WARNING_PERCENT in a subject and was told.</summary>
    public const string AttendanceWarning = "attendance-warning";

    /// <summary>Attendance over a term written to a file (a file of personal data: who took it, and what).</summary>
    public const string Exported = "exported";

    /// <summary>The refusals that the teacher's report counts.</summary>
    public static readonly string[] BindingRefusals = [BoundToAnotherAccount, AnotherIdThisSession];
}
