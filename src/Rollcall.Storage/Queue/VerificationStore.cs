using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Conversations;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Outbox;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Queue;

/// <summary>The verification worker's rows: queued jobs, leases, and the decision written with its mark and outbox row.</summary>
public sealed class VerificationStore(RollcallDatabase database)
{
    /// <summary>Jobs still queued whose lease is free: those of a crashed worker or a full channel.</summary>
    public async Task<IReadOnlyList<Guid>> ListWaitingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.VerificationJobs
            .Where(j => j.State == JobState.Queued && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Select(j => j.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes the job for <paramref name="lease"/> with a conditional UPDATE, so two workers never both run it.</summary>
    public async Task<VerificationJob?> TryClaimAsync(Guid jobId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var until = now + lease;
        var claimed = await db.VerificationJobs
            .Where(j => j.Id == jobId && j.State == JobState.Queued && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken);
        return claimed == 1
            ? await db.VerificationJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken)
            : null;
    }

    /// <summary>Gives a claimed job back until <paramref name="until"/> (a transient failure), so a later sweep runs it again.</summary>
    public async Task DeferAsync(Guid jobId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.VerificationJobs.Where(j => j.Id == jobId && j.State == JobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken);
    }

    /// <summary>Gives a claimed job back at once (an orderly stop), so a sibling or the next start runs it without waiting for the lease.</summary>
    public async Task ReleaseAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.VerificationJobs.Where(j => j.Id == jobId && j.State == JobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>
    /// In one transaction: updates the student's mark from the face check (a pass also enqueues the LMS submission and
    /// an audit row), and closes the job. <paramref name="usesAttempt"/> is false for failures that are not the student's.
    /// </summary>
    public Task<VerificationDecision> CompleteAsync(
        VerificationJob job, FaceCheck check, bool usesAttempt, AttemptPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        TurnTransaction.RunAsync(database, ct => DecideAsync(job, check, usesAttempt, policy, now, ct), cancellationToken);

    private async Task<VerificationDecision> DecideAsync(
        VerificationJob job, FaceCheck check, bool usesAttempt, AttemptPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == job.SessionId, cancellationToken);
        var mark = await db.Marks.SingleAsync(m => m.SessionId == job.SessionId && m.StudentId == job.StudentId, cancellationToken);
        var row = await db.VerificationJobs.SingleAsync(j => j.Id == job.Id, cancellationToken);
        var outcome = check.GetType().Name;
        row.State = JobState.Done;
        row.FinishedAt = now;
        row.Outcome = outcome;
        row.LeaseUntil = null;

        if (mark.Status == MarkStatus.Present)
        {
            await SaveAsync(db, transaction, cancellationToken);
            return new VerificationDecision(session.Subject, MarkStatus.Present, policy.Remaining(mark.AttemptsUsed), AlreadyDecided: true);
        }

        mark.Similarity = check.Similarity ?? mark.Similarity;
        mark.TelegramUserId = job.TelegramUserId;
        if (check is FaceCheck.Match)
        {
            mark.Status = MarkStatus.Present;
            mark.DecidedAt = now;
            mark.Reason = null;
            mark.AttemptsUsed = Math.Max(mark.AttemptsUsed, job.Attempt);
            var batch = await db.SessionStudents.Where(s => s.SessionId == job.SessionId && s.StudentId == job.StudentId)
                .Select(s => s.Batch).SingleAsync(cancellationToken);
            AttendanceOutbox.Enqueue(db, session.TeacherId, batch, session.Subject, session.Date, now);
            if (!await db.StudentBindings.AnyAsync(b => b.StudentId == job.StudentId, cancellationToken))
            {
                db.StudentBindings.Add(new StudentBinding { StudentId = job.StudentId, TelegramUserId = job.TelegramUserId, BoundAt = now });
            }

            AuditTrail.Record(db, now, AuditActor.FaceCheck, AuditAction.Present, job.SessionId, job.StudentId, Detail(check, job.Attempt));
        }
        else if (usesAttempt)
        {
            // The job's attempt number, not +1: a job run twice after a crash still counts once.
            mark.AttemptsUsed = Math.Max(mark.AttemptsUsed, job.Attempt);
            mark.Reason = outcome;
            if (!policy.CanTry(mark.AttemptsUsed))
            {
                mark.Status = MarkStatus.Refused;
                mark.DecidedAt = now;
            }

            var action = mark.Status == MarkStatus.Refused ? AuditAction.Refused : AuditAction.AttemptFailed;
            AuditTrail.Record(db, now, AuditActor.FaceCheck, action, job.SessionId, job.StudentId, Detail(check, job.Attempt));
        }
        else
        {
            AuditTrail.Record(db, now, AuditActor.FaceCheck, AuditAction.NotChecked, job.SessionId, job.StudentId, Detail(check, job.Attempt));
        }

        if (mark.Status is MarkStatus.Present or MarkStatus.Refused)
        {
            // The check-in is over: the student's chat goes to rest, unless it has moved on to another session.
            var sessionKey = job.SessionId.ToString();
            await db.Conversations
                .Where(c => c.Bot == ConversationStore.StudentBot && c.ChatId == job.ChatId && c.State.Contains(sessionKey))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, "").SetProperty(c => c.UpdatedAt, now), cancellationToken);
        }

        await SaveAsync(db, transaction, cancellationToken);
        return new VerificationDecision(session.Subject, mark.Status, policy.Remaining(mark.AttemptsUsed), AlreadyDecided: false);
    }

    /// <summary>The outcome, the similarity when there was one, and the attempt: "Mismatch, similarity 52.0, attempt 1".</summary>
    private static string Detail(FaceCheck check, int attempt) =>
        check.Similarity is { } similarity
            ? string.Create(CultureInfo.InvariantCulture, $"{check.GetType().Name}, similarity {similarity:0.0}, attempt {attempt}")
            : string.Create(CultureInfo.InvariantCulture, $"{check.GetType().Name}, attempt {attempt}");

    private static async Task SaveAsync(RollcallDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Where the student stands after a verification.</summary>
public sealed record VerificationDecision(string Subject, MarkStatus Status, int AttemptsLeft, bool AlreadyDecided);
