using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Ports;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Sessions;

/// <summary>Opens sessions inside the caller's transaction: the unique indexes decide duplicates and OTP clashes.</summary>
public sealed class SessionStore(RollcallDb db) : ISessionStore
{
    private const int OtpDraws = 20;

    public async Task<OpenSessionResult> TryOpenAsync(SessionDraft draft, Func<string> nextOtp, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        for (var draw = 0; draw < OtpDraws; draw++)
        {
            var row = NewRow(draft, nextOtp());
            db.Sessions.Add(row);
            AuditTrail.Record(db, draft.CreatedAt, AuditActor.Teacher(draft.TeacherId), AuditAction.SessionOpened, row.Id,
                detail: $"{string.Join(", ", draft.Batches)}; {draft.Subject}; {row.Students.Count} students");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new OpenSessionResult.Opened(row.Id, row.Otp, row.ExpiresAt);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                TurnTransaction.DiscardPending(db);
            }

            // The index refused the row: either a batch is taken for the day, or the code is in use; only the first is final.
            var taken = await db.SessionBatches
                .Where(b => b.TeacherId == draft.TeacherId && b.Subject == draft.Subject && b.Date == draft.Date && draft.Batches.Contains(b.Batch))
                .Select(b => new { b.Batch, b.SessionId })
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                return new OpenSessionResult.Duplicate(taken.Batch, taken.SessionId);
            }
        }

        throw new InvalidOperationException($"No free class code after {OtpDraws} draws.");
    }

    private static AttendanceSessionRow NewRow(SessionDraft draft, string otp)
    {
        var id = Guid.CreateVersion7(draft.CreatedAt);
        return new AttendanceSessionRow
        {
            Id = id,
            TeacherId = draft.TeacherId,
            TeacherChatId = draft.TeacherChatId,
            Otp = otp,
            OtpSlot = otp,
            Subject = draft.Subject,
            Date = draft.Date,
            CentreLatitude = draft.Centre.Latitude,
            CentreLongitude = draft.Centre.Longitude,
            CentreAccuracy = draft.Centre.AccuracyMetres,
            CreatedAt = draft.CreatedAt,
            ExpiresAt = draft.Times.ExpiresAt(draft.CreatedAt),
            GraceEndsAt = draft.Times.GraceEndsAt(draft.CreatedAt),
            ReportDueAt = draft.Times.ReportDueAt(draft.CreatedAt),
            Batches = [.. draft.Batches.Select(b => new SessionBatch
            {
                SessionId = id,
                TeacherId = draft.TeacherId,
                Batch = b,
                Subject = draft.Subject,
                Date = draft.Date,
            })],
            Students = [.. draft.Roster
                .DistinctBy(s => StudentId.Normalize(s.StudentId))
                .Select(s => new SessionStudent { SessionId = id, StudentId = StudentId.Normalize(s.StudentId), Name = s.Name, Batch = s.Batch })],
        };
    }
}
