using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Ports;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Queue;

/// <summary>A student's check-in, inside the caller's transaction: lock-out counts, session lookup and the verification job.</summary>
public sealed class CheckInStore(RollcallDb db) : ICheckInStore
{
    public async Task<DateTimeOffset?> LockedUntilAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.OtpLocks.AsNoTracking().SingleOrDefaultAsync(l => l.TelegramUserId == telegramUserId, cancellationToken);
        return row?.LockedUntil is { } until && until > now ? until : null;
    }

    public async Task<OtpFailure> RecordFailureAsync(long telegramUserId, DateTimeOffset now, int maxTries, TimeSpan lockout, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var row = await db.OtpLocks.SingleOrDefaultAsync(l => l.TelegramUserId == telegramUserId, cancellationToken);
        if (row is null)
        {
            row = new OtpLock { TelegramUserId = telegramUserId, WindowStartedAt = now };
            db.OtpLocks.Add(row);
        }

        // A finished lock-out, or failures older than one lock-out period, start a fresh count.
        if (row.LockedUntil is { } until ? until <= now : now - row.WindowStartedAt > lockout)
        {
            row.Failures = 0;
            row.WindowStartedAt = now;
            row.LockedUntil = null;
        }

        row.Failures++;
        if (row.Failures >= maxTries)
        {
            row.LockedUntil = now + lockout;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new OtpFailure(Math.Max(0, maxTries - row.Failures), row.LockedUntil);
    }

    public async Task ClearFailuresAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        await db.OtpLocks.Where(l => l.TelegramUserId == telegramUserId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<SessionMatch?> FindOpenSessionAsync(string otp, string studentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await (
            from s in db.Sessions
            where s.OtpSlot == otp && s.ExpiresAt > now
            join st in db.SessionStudents on s.Id equals st.SessionId
            where st.StudentId == studentId
            select new { s.Id, s.CentreLatitude, s.CentreLongitude, st.Name, st.Batch })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var mark = await db.Marks.AsNoTracking()
            .SingleOrDefaultAsync(m => m.SessionId == found.Id && m.StudentId == studentId, cancellationToken);
        return new SessionMatch(found.Id, found.Name, found.Batch, new GeoPoint(found.CentreLatitude, found.CentreLongitude),
            mark?.Status == MarkStatus.Present, mark?.AttemptsUsed ?? 0);
    }

    public async Task<AccountCheck> CheckAccountAsync(Guid sessionId, string studentId, long telegramUserId, CancellationToken cancellationToken)
    {
        var boundTo = await db.StudentBindings.AsNoTracking().Where(b => b.StudentId == studentId)
            .Select(b => (long?)b.TelegramUserId).SingleOrDefaultAsync(cancellationToken);
        if (boundTo is { } owner && owner != telegramUserId)
        {
            return AccountCheck.BoundToAnotherAccount;
        }

        var otherId = await db.Marks.AnyAsync(
            m => m.SessionId == sessionId && m.TelegramUserId == telegramUserId && m.StudentId != studentId, cancellationToken);
        return otherId ? AccountCheck.AnotherIdThisSession : AccountCheck.Allowed;
    }

    public async Task<QueueResult> TryQueueVerificationAsync(VerificationRequest request, AttemptPolicy policy, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var open = await db.Sessions.AnyAsync(s => s.Id == request.SessionId && s.ReportSentAt == null, cancellationToken);
        if (!open)
        {
            return new QueueResult.SessionClosed();
        }

        var mark = await db.Marks.SingleOrDefaultAsync(m => m.SessionId == request.SessionId && m.StudentId == request.StudentId, cancellationToken);
        if (mark is null)
        {
            mark = new AttendanceMark
            {
                SessionId = request.SessionId,
                StudentId = request.StudentId,
                Status = MarkStatus.Pending,
                TelegramUserId = request.TelegramUserId,
                CreatedAt = request.Now,
            };
            db.Marks.Add(mark);
        }
        else if (mark.Status == MarkStatus.Present)
        {
            return new QueueResult.AlreadyPresent();
        }
        else if (mark.Status == MarkStatus.InReview)
        {
            return new QueueResult.InReview();
        }
        else if (!policy.CanTry(mark.AttemptsUsed))
        {
            return new QueueResult.NoAttemptsLeft();
        }
        else
        {
            // A finished job that used no attempt (missing ID photo, download failed) holds this attempt's number;
            // free it, while a job still queued keeps blocking a second note for the same attempt.
            var attempt = mark.AttemptsUsed + 1;
            await db.VerificationJobs
                .Where(j => j.SessionId == request.SessionId && j.StudentId == request.StudentId && j.Attempt == attempt && j.State == JobState.Done)
                .ExecuteDeleteAsync(cancellationToken);
        }

        var job = new VerificationJob
        {
            Id = Guid.CreateVersion7(request.Now),
            SessionId = request.SessionId,
            StudentId = request.StudentId,
            Attempt = mark.AttemptsUsed + 1,
            ChatId = request.ChatId,
            TelegramUserId = request.TelegramUserId,
            FileId = request.FileId,
            FileUniqueId = request.FileUniqueId,
            Challenge = request.Challenge,
            DistanceMetres = request.ImpreciseDistance,
            AccuracyMetres = request.ImpreciseAccuracy,
            State = JobState.Queued,
            CreatedAt = request.Now,
        };
        db.VerificationJobs.Add(job);
        db.SeenMedia.Add(new SeenMedia { FileUniqueId = request.FileUniqueId, SeenAt = request.Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new QueueResult.Queued(job.Id, job.Attempt);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            TurnTransaction.DiscardPending(db);
        }

        var replayed = await db.SeenMedia.AnyAsync(m => m.FileUniqueId == request.FileUniqueId, cancellationToken);
        return replayed ? new QueueResult.Replayed() : new QueueResult.AlreadyQueued();
    }
}
