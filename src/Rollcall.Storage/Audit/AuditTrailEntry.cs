using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Audit;

/// <summary>Who decides, when, about which session and student; <see cref="Add"/> writes one action into the caller's transaction.</summary>
public readonly record struct AuditTrailEntry(DateTimeOffset At, string Actor, Guid? SessionId, string? StudentId)
{
    public void Add(RollcallDb db, string action, string? detail = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = At,
            Actor = Actor,
            Action = action,
            SessionId = SessionId,
            StudentId = StudentId,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
}
