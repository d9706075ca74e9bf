using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.CheckIns;

/// <summary>A student's check-in, inside the turn's context and transaction: lock-out counts, session lookup and the verification job.</summary>
public sealed partial class CheckInStore(RollcallDb db) : ICheckInStore
{
    public async Task<DateTimeOffset?> LockedUntilAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.OtpLocks.AsNoTracking().SingleOrDefaultAsync(l => l.TelegramUserId == telegramUserId, cancellationToken);
        return OtpLockout.LockedUntil(row?.Count, now);
    }

    public async Task<OtpFailure> RecordFailureAsync(long telegramUserId, string otp, string studentId, DateTimeOffset now, OtpLimits limits, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var row = await db.OtpLocks.SingleOrDefaultAsync(l => l.TelegramUserId == telegramUserId, cancellationToken);
        var actor = AuditActor.Telegram(telegramUserId);
        var sessionId = await db.Sessions.Where(s => (s.OtpSlot == otp || s.PreviousOtpSlot == otp) && s.ExpiresAt > now)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var since = now - limits.Lockout;
        SessionTries? session = null;
        if (sessionId is { } id)
        {
            // The code is right but the ID is not on its roster: counted per session too (see OtpLockout).
            var wrongIds = await db.AuditLog.CountAsync(a => a.SessionId == id && a.Action == AuditAction.WrongId && a.At > since, cancellationToken);
            session = new SessionTries(wrongIds, 0);
            AuditTrail.Record(db, now, actor, AuditAction.WrongId, id, studentId);
        }
        else
        {
            // A wrong code with an ID on open sessions' rosters counts against those sessions: guessing their code pays
            // only with an ID on them. The most tried session decides.
            var rostered = await (
                from s in db.Sessions
                where s.ExpiresAt > now
                join st in db.SessionStudents on s.Id equals st.SessionId
                where st.StudentId == studentId
                select s.Id).ToListAsync(cancellationToken);
            foreach (var rosteredId in rostered)
            {
                var wrongCodes = await db.AuditLog.CountAsync(a => a.SessionId == rosteredId && a.Action == AuditAction.WrongCode && a.At > since, cancellationToken);
                session = new SessionTries(0, Math.Max(session?.WrongCodes ?? 0, wrongCodes));
                AuditTrail.Record(db, now, actor, AuditAction.WrongCode, rosteredId, studentId);
            }
        }

        var result = OtpLockout.RecordFailure(row?.Count, now, limits, session);
        if (row is null)
        {
            row = new OtpLock { TelegramUserId = telegramUserId };
            db.OtpLocks.Add(row);
        }

        row.Take(result.Count);
        if (result.Locks)
        {
            AuditTrail.Record(db, now, actor, AuditAction.LockedOut, sessionId, studentId, result.LockReason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result.Failure;
    }

    public async Task ClearFailuresAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        await db.OtpLocks.Where(l => l.TelegramUserId == telegramUserId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<SessionMatch?> FindOpenSessionAsync(string otp, string studentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await MatchAsync(db.Sessions.Where(s => (s.OtpSlot == otp || s.PreviousOtpSlot == otp) && s.ExpiresAt > now), studentId, cancellationToken)

        // A student who gave the code in time may start again during the grace (fresh attempts from the teacher, a lost chat).
        ?? await MatchAsync(db.Sessions.Where(s => (s.Otp == otp || s.PreviousOtp == otp) && s.ExpiresAt <= now && s.GraceEndsAt > now && s.ReportSentAt == null
            && db.Marks.Any(m => m.SessionId == s.Id && m.StudentId == studentId)), studentId, cancellationToken);

    public async Task<Guid?> FindSessionByCodeAsync(string otp, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions.Where(s => (s.OtpSlot == otp || s.PreviousOtpSlot == otp) && s.ExpiresAt > now)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<SessionMatch?> FindSessionStudentAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await MatchAsync(db.Sessions.Where(s => s.Id == sessionId && s.GraceEndsAt > now && s.ReportSentAt == null), studentId, cancellationToken);

    public async Task BeginCheckInAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Marks.AnyAsync(m => m.SessionId == sessionId && m.StudentId == studentId, cancellationToken))
        {
            return;
        }

        // No account yet: the account is the one whose video note is queued (CheckAccountAsync counts those).
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        db.Marks.Add(new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = MarkState.New.Status, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same student began at the same moment from another chat: one mark is enough.
            TurnTransaction.DiscardPending(db);
        }
    }

    public async Task<GeoPoint?> CheckInCentreAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions.Where(s => s.Id == sessionId && s.GraceEndsAt > now && s.ReportSentAt == null)
            .Select(s => new GeoPoint(s.CentreLatitude, s.CentreLongitude, null, false)).FirstOrDefaultAsync(cancellationToken);

    private async Task<SessionMatch?> MatchAsync(IQueryable<AttendanceSessionRow> sessions, string studentId, CancellationToken cancellationToken)
    {
        var found = await (
            from s in sessions
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
            mark?.State.Attended == true, mark?.AttemptsUsed ?? 0)
        {
            SetByTeacher = mark is { SetByTeacher: true } ? mark.Status : null,
        };
    }

    public async Task<RefusalNotice?> NoteRefusalAsync(Guid sessionId, string studentId, AccountCheck refusal, long studentChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var kind = refusal == AccountCheck.BoundToAnotherAccount ? NoticeKinds.BoundToAnotherAccount : NoticeKinds.AnotherIdThisSession;
        if (!await SessionNotices.RecordAsync(db, sessionId, studentId, kind, studentChatId, now, cancellationToken))
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.TeacherChatId, s.Subject }).SingleAsync(cancellationToken);
        var name = await VerificationStore.StudentNameAsync(db, sessionId, studentId, cancellationToken);
        return new RefusalNotice(session.TeacherChatId, name, session.Subject, await SessionNotices.RollIndexAsync(db, sessionId, studentId, cancellationToken));
    }

    public async Task<bool> IsCheckInOverAsync(Guid sessionId, string studentId, CancellationToken cancellationToken)
    {
        var mark = await db.Marks.AsNoTracking().Where(m => m.SessionId == sessionId && m.StudentId == studentId)
            .Select(m => (MarkStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
        return mark is { } status && new MarkState(status, 0).IsDecided;
    }

    public async Task<AccountCheck> CheckAccountAsync(Guid sessionId, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var boundTo = await db.StudentBindings.AsNoTracking().Where(b => b.StudentId == studentId)
            .Select(b => (long?)b.TelegramUserId).SingleOrDefaultAsync(cancellationToken);
        if (boundTo is { } owner && owner != telegramUserId)
        {
            await RecordRefusalAsync(AuditAction.BoundToAnotherAccount);
            return AccountCheck.BoundToAnotherAccount;
        }

        // Another ID marked from this account in the session, or bound to it and on the session's roster: one account
        // binds one ID of a class, so an account holding the code cannot squat the others' unbound IDs.
        var otherId = await db.Marks.Where(m => m.SessionId == sessionId && m.TelegramUserId == telegramUserId && m.StudentId != studentId)
            .Select(m => m.StudentId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.StudentBindings.Where(b => b.TelegramUserId == telegramUserId && b.StudentId != studentId
                    && db.SessionStudents.Any(st => st.SessionId == sessionId && st.StudentId == b.StudentId))
                .Select(b => b.StudentId).FirstOrDefaultAsync(cancellationToken);
        if (otherId is not null)
        {
            await RecordRefusalAsync(AuditAction.AnotherIdThisSession, $"account checked in as {otherId}");
            return AccountCheck.AnotherIdThisSession;
        }

        if (boundTo is null && !await BindAsync())
        {
            return await CheckAccountAsync(sessionId, studentId, telegramUserId, now, cancellationToken);
        }

        await SetAsideOthersAttemptsAsync(sessionId, studentId, telegramUserId, now, cancellationToken);
        return AccountCheck.Allowed;

        // The first accepted code entry binds the ID (M3, H1): from here on no other account can try under it. A second
        // account binding the same ID at the same moment loses the unique key and is checked again.
        async Task<bool> BindAsync()
        {
            await TurnTransaction.EnsureAsync(db, cancellationToken);
            db.StudentBindings.Add(new StudentBinding { StudentId = studentId, TelegramUserId = telegramUserId, BoundAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                TurnTransaction.DiscardPending(db);
                return false;
            }
        }

        // Written with the turn's state, in its transaction; the teacher's report counts these rows.
        async Task RecordRefusalAsync(string action, string? detail = null)
        {
            await TurnTransaction.EnsureAsync(db, cancellationToken);
            AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), action, sessionId, studentId, detail);
        }
    }

    public async Task<QueueResult> TryQueueVerificationAsync(VerificationRequest request, AttemptPolicy policy, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var open = await db.Sessions.AnyAsync(s => s.Id == request.SessionId && s.ReportSentAt == null && s.GraceEndsAt > request.Now, cancellationToken);
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
                Status = MarkState.New.Status,
                TelegramUserId = request.TelegramUserId,
                CreatedAt = request.Now,
            };
            db.Marks.Add(mark);
        }
        else if (MarkDecision.Admit(mark.State, policy) is var admission and not Admission.Open)
        {
            return admission switch
            {
                Admission.AlreadyPresent => new QueueResult.AlreadyPresent(),
                Admission.InReview => new QueueResult.InReview(),
                Admission.SetByTeacher => new QueueResult.SetByTeacher(mark.Status),
                _ => new QueueResult.NoAttemptsLeft(),
            };
        }
        else
        {
            mark.TelegramUserId ??= request.TelegramUserId;

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
            NextChallenge = request.NextChallenge,
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
