using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Sessions;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Faces;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Outbox;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Replies;
using Rollcall.Storage.Reviews;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.CheckIns;

/// <summary>The verification worker's rows: queued jobs, leases, and the decision written with its mark and outbox row.</summary>
public sealed class VerificationStore(RollcallDatabase database, ReceiptBook receipts)
{
    /// <summary>Jobs still queued whose lease is free by the database's clock: those of a crashed worker or a full channel.</summary>
    public async Task<IReadOnlyList<Guid>> ListWaitingAsync(int limit, CancellationToken cancellationToken)
    {
        var now = await database.NowAsync(cancellationToken);
        await using var db = database.CreateContext();
        return await db.VerificationJobs
            .Where(j => j.State == JobState.Queued && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Select(j => j.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the job for <paramref name="lease"/> with a conditional UPDATE timed by the database's clock, so two workers
    /// never both hold it and skewed instance clocks agree. The job comes back with its new <see cref="VerificationJob.Claims"/>,
    /// the claim's fencing token.
    /// </summary>
    public async Task<VerificationJob?> TryClaimAsync(Guid jobId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = await database.NowAsync(cancellationToken);
        await using var db = database.CreateContext();
        var until = now + lease;
        cancellationToken.ThrowIfCancellationRequested();

        // Not cancelled once started: a claim whose answer were lost to a stop would hold the lease with nobody to give it back.
        var claimed = await db.VerificationJobs
            .Where(j => j.Id == jobId && j.State == JobState.Queued && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Claims, j => j.Claims + 1).SetProperty(j => j.Tries, j => j.Tries + 1),
                CancellationToken.None);
        return claimed == 1
            ? await db.VerificationJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, CancellationToken.None)
            : null;
    }

    /// <summary>
    /// Gives a claimed job back for <paramref name="pause"/> (a transient failure), so a later sweep runs it again.
    /// <paramref name="notTheNotes"/> is true when the failure is elsewhere (Telegram): the claim does not count as a try.
    /// </summary>
    public async Task DeferAsync(VerificationJob job, TimeSpan pause, bool notTheNotes, CancellationToken cancellationToken)
    {
        var until = await database.NowAsync(cancellationToken) + pause;
        var spared = notTheNotes ? 1 : 0;
        await using var db = database.CreateContext();
        await Held(db, job).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Tries, j => j.Tries - spared), cancellationToken);
    }

    /// <summary>The student already marked present in this session whose verified face is closest to <paramref name="probe"/>.</summary>
    public async Task<LookAlike?> FindLookAlikeAsync(Guid sessionId, string studentId, float[] probe, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var marked = await db.Marks.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.StudentId != studentId && m.Status == MarkStatus.Present && m.ProbeEmbedding != null)
            .Select(m => new { m.StudentId, m.ProbeEmbedding })
            .ToListAsync(cancellationToken);
        return marked
            .Select(m => new LookAlike(m.StudentId, SimilarityScale.Cosine(probe, ProbeBytes.ToFloats(m.ProbeEmbedding!))))
            .MaxBy(m => m.Cosine);
    }

    /// <summary>Gives a claimed job back at once (an orderly stop), so a sibling or the next start runs it without waiting for the lease.</summary>
    public async Task ReleaseAsync(VerificationJob job, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await Held(db, job).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null).SetProperty(j => j.Tries, j => j.Tries - 1), cancellationToken);
    }

    /// <summary>The job's row while <paramref name="job"/>'s claim is still the latest and it is undecided: the fence.</summary>
    private static IQueryable<VerificationJob> Held(RollcallDb db, VerificationJob job) =>
        db.VerificationJobs.Where(j => j.Id == job.Id && j.State == JobState.Queued && j.Claims == job.Claims);

    /// <summary>
    /// In one transaction: updates the student's mark from the face check (a pass also enqueues the LMS submission and
    /// an audit row), and closes the job. <paramref name="usesAttempt"/> is false for failures that are not the student's.
    /// </summary>
    public Task<VerificationDecision> CompleteAsync(
        VerificationJob job, FaceCheck check, bool usesAttempt, AttemptPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync(job, new Verdict(check, usesAttempt), policy, now, cancellationToken);

    /// <summary>As above, with the worker's grey-band and look-alike findings: those go to the teacher or are refused.</summary>
    public Task<VerificationDecision> CompleteAsync(
        VerificationJob job, Verdict verdict, AttemptPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync(job, verdict, policy, null, now, cancellationToken);

    /// <summary>As above; a match whose note came <paramref name="lateAfter"/> or more after the session opened is Late.</summary>
    public Task<VerificationDecision> CompleteAsync(
        VerificationJob job, Verdict verdict, AttemptPolicy policy, TimeSpan? lateAfter, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync(job, verdict, policy, lateAfter, now, _ => [], cancellationToken);

    /// <summary>
    /// As above, and the <paramref name="replies"/> the decision owes (the student's answer, the teacher's review or notice)
    /// go into the reply outbox in the same transaction: a kill after the commit still leaves them to be sent.
    /// </summary>
    public Task<VerificationDecision> CompleteAsync(VerificationJob job, Verdict verdict, AttemptPolicy policy, TimeSpan? lateAfter, DateTimeOffset now,
        Func<VerificationDecision, IEnumerable<PendingReply>> replies, CancellationToken cancellationToken) =>
        TurnTransaction.RunAsync(database, ct => DecideAsync(job, verdict, policy, lateAfter, now, replies, ct), cancellationToken);

    private async Task<VerificationDecision> DecideAsync(VerificationJob job, Verdict verdict, AttemptPolicy policy, TimeSpan? lateAfter, DateTimeOffset now,
        Func<VerificationDecision, IEnumerable<PendingReply>> replies, CancellationToken cancellationToken)
    {
        var check = verdict.Check;
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The fence first: the job closes only if it is undecided and this claim is its latest. A worker whose lease ran
        // out while it checked finds another claim here (or the job decided) and its decision is dropped whole.
        var outcome = check.GetType().Name;
        var closed = await Held(db, job).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Done).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Outcome, outcome).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
        if (closed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return VerificationDecision.Superseded;
        }

        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == job.SessionId, cancellationToken);
        var mark = await db.Marks.SingleAsync(m => m.SessionId == job.SessionId && m.StudentId == job.StudentId, cancellationToken);

        var late = SessionTimes.IsLate(session.CreatedAt, job.CreatedAt, lateAfter);
        var change = MarkDecision.Decide(mark.State, new MarkEvent.Verified(verdict, job.Attempt, policy) { Late = late });
        if (change is null)
        {
            var already = new VerificationDecision(session.Subject, mark.Status, policy.Remaining(mark.AttemptsUsed), AlreadyDecided: true);
            ReplyOutbox.Enqueue(db, replies(already), now);
            await SaveAsync(db, transaction, cancellationToken);
            return already;
        }

        mark.Similarity = check.Similarity ?? mark.Similarity;
        mark.TelegramUserId = job.TelegramUserId;
        mark.Apply(change, now);
        if (change.KeepsProbe && check is FaceCheck.Match match)
        {
            mark.ProbeEmbedding = ProbeBytes.FromFloats(match.Probe);
        }

        var reviewId = change.OpensReview is { } reason ? ReviewStore.Open(db, job, reason, check.Similarity, verdict.ReviewImage, now) : (Guid?)null;
        if (change.MarksPresent)
        {
            await MarkPresentAsync(db, session, job.StudentId, job.TelegramUserId, now, cancellationToken);
        }
        else if (change.SendsToLms)
        {
            await SendToLmsAsync(db, session, job.StudentId, now, cancellationToken);
        }

        AuditTrail.Record(db, now, AuditActor.FaceCheck, change.AuditAction, job.SessionId, job.StudentId, change.AuditDetail);
        var receipt = receipts.Issue(db, job.SessionId, job.StudentId, change.Receipt, now);
        var notice = NoticeKind(change, verdict) is { } kind && await SessionNotices.RecordAsync(db, job.SessionId, job.StudentId, kind, job.ChatId, now, cancellationToken)
            ? kind
            : null;
        var named = reviewId is not null || verdict.Collusion is not null || notice is not null;
        var decision = new VerificationDecision(session.Subject, mark.Status, policy.Remaining(mark.AttemptsUsed), AlreadyDecided: false)
        {
            Receipt = receipt,
            ReviewId = reviewId,
            TeacherChatId = session.TeacherChatId,
            SessionId = session.Id,
            Notice = notice,
            StudentName = named ? await StudentNameAsync(db, job.SessionId, job.StudentId, cancellationToken) : "",
            RollIndex = named ? await SessionNotices.RollIndexAsync(db, job.SessionId, job.StudentId, cancellationToken) : 0,
        };
        ReplyOutbox.Enqueue(db, replies(decision), now);
        await SaveAsync(db, transaction, cancellationToken);
        return decision;
    }

    /// <summary>The teacher hears once of a student stopped without their fault or out of attempts: no dead end.</summary>
    private static string? NoticeKind(MarkChange change, Verdict verdict) => (verdict.Check, change) switch
    {
        (FaceCheck.NoPhoto or FaceCheck.BadPhoto, _) => NoticeKinds.NoPhoto,
        _ when verdict.Collusion is not null && change.Next.Status == MarkStatus.Refused => NoticeKinds.LookAlike,
        _ when change.Decided && change.Next.Status == MarkStatus.Refused => NoticeKinds.NoAttemptsLeft,
        _ => null,
    };

    /// <summary>The student's name in the session's roster snapshot.</summary>
    internal static Task<string> StudentNameAsync(RollcallDb db, Guid sessionId, string studentId, CancellationToken cancellationToken) =>
        db.SessionStudents.Where(s => s.SessionId == sessionId && s.StudentId == studentId).Select(s => s.Name).SingleAsync(cancellationToken);

    /// <summary>The present mark's side effects: the LMS submission through the outbox, and the first binding of the ID.</summary>
    internal static async Task MarkPresentAsync(
        RollcallDb db, AttendanceSessionRow session, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await SendToLmsAsync(db, session, studentId, now, cancellationToken);
        if (!await db.StudentBindings.AnyAsync(b => b.StudentId == studentId, cancellationToken)
            && !db.StudentBindings.Local.Any(b => b.StudentId == studentId))
        {
            db.StudentBindings.Add(new StudentBinding { StudentId = studentId, TelegramUserId = telegramUserId, BoundAt = now });
        }
    }

    /// <summary>The mark's LMS submission through the outbox, in the caller's transaction.</summary>
    internal static async Task SendToLmsAsync(RollcallDb db, AttendanceSessionRow session, string studentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = await db.SessionStudents.Where(s => s.SessionId == session.Id && s.StudentId == studentId)
            .Select(s => s.Batch).SingleAsync(cancellationToken);
        AttendanceOutbox.Enqueue(db, session.TeacherId, batch, session.Subject, session.Date, now);
    }

    private static async Task SaveAsync(RollcallDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Where the student stands after a verification.</summary>
public sealed record VerificationDecision(string Subject, MarkStatus Status, int AttemptsLeft, bool AlreadyDecided)
{
    /// <summary>The job was claimed again after this worker's lease ran out, or decided already: nothing was recorded or is to be said.</summary>
    public static VerificationDecision Superseded { get; } = new("", MarkStatus.Pending, 0, AlreadyDecided: true) { IsSuperseded = true };

    public bool IsSuperseded { get; private init; }

    /// <summary>The receipt code for the student's message; null when nothing was decided.</summary>
    public string? Receipt { get; init; }

    /// <summary>The review opened for the teacher, when the check-in went to review.</summary>
    public Guid? ReviewId { get; init; }

    public long TeacherChatId { get; init; }

    /// <summary>The student's name, for the teacher's review, warning or notice.</summary>
    public string StudentName { get; init; } = "";

    public Guid SessionId { get; init; }

    /// <summary>The student's place in roll order, for a notice's buttons.</summary>
    public int RollIndex { get; init; }

    /// <summary>The kind of notice the teacher gets now (first time this session), from <see cref="Marks.NoticeKinds"/>; null for none.</summary>
    public string? Notice { get; init; }
}
