using System.Globalization;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Audit;

/// <summary>
/// Adds a decision to the audit log through the caller's context, so the row commits or rolls back with the decision it
/// records. Actors are ids, never names or phone numbers.
/// </summary>
public static class AuditTrail
{
    public static void Record(RollcallDb db, DateTimeOffset at, string actor, string action, Guid? sessionId = null, string? studentId = null, string? detail = null) =>
        db.AuditLog.Add(new AuditEntry { At = at, Actor = actor, Action = action, SessionId = sessionId, StudentId = studentId, Detail = detail });
}

/// <summary>Who took a decision, as stored in <see cref="AuditEntry.Actor"/>.</summary>
public static class AuditActor
{
    public const string FaceCheck = "face-check";
    public const string Operator = "operator";

    /// <summary>The report scheduler, closing what was still open when the report went out.</summary>
    public const string Report = "report";

    public static string Teacher(long teacherId) => "teacher:" + teacherId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A student's Telegram account, by its user id.</summary>
    public static string Telegram(long telegramUserId) => "telegram:" + telegramUserId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The decisions the audit log records, as stored in <see cref="AuditEntry.Action"/>.</summary>
public static class AuditAction
{
    public const string SessionOpened = "session-opened";

    /// <summary>A wrong student ID sent with an open session's code.</summary>
    public const string WrongId = "wrong-id";
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
