using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.CheckIns;

/// <summary>Attempts belong to the student and the account that made them (M3).</summary>
public sealed partial class CheckInStore
{
    /// <summary>
    /// The account bound to the ID begins a check-in on a mark whose attempts another account used (the teacher unbound
    /// it): those are set aside (<see cref="MarkEvent.AnotherAccountsAttempts"/>), so one account cannot use up another's.
    /// While that account's video note is still being checked, nothing is set aside: its verdict is on the way.
    /// </summary>
    private async Task SetAsideOthersAttemptsAsync(Guid sessionId, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mark = await db.Marks.SingleOrDefaultAsync(
            m => m.SessionId == sessionId && m.StudentId == studentId && m.TelegramUserId != null && m.TelegramUserId != telegramUserId,
            cancellationToken);
        if (mark is null || MarkDecision.Decide(mark.State, new MarkEvent.AnotherAccountsAttempts()) is not { } change
            || await db.VerificationJobs.AnyAsync(j => j.SessionId == sessionId && j.StudentId == studentId && j.State == JobState.Queued, cancellationToken))
        {
            return;
        }

        await TurnTransaction.EnsureAsync(db, cancellationToken);
        mark.Apply(change, now);
        mark.TelegramUserId = telegramUserId;
        AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), change.AuditAction, sessionId, studentId, change.AuditDetail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
