using System.Globalization;
using Rollcall.Attendance;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Audit;

/// <summary>
/// Adds a decision to the audit log through the caller's context, so the row commits or rolls back with the decision it
/// records (its action one of <see cref="AuditAction"/>). Actors are ids, never names or phone numbers.
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
