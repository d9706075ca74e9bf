using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Faces;

namespace Rollcall.Storage.Enrolment;

/// <summary>
/// The enrolment worker's rows: requests to examine and decisions still to tell, claimed with a lease so two workers never
/// take the same one, and the machine's verdict written with its audit row.
/// </summary>
public sealed class EnrolmentJobs(RollcallDatabase database)
{
    /// <summary>Requests whose lease is free: notes to examine, and decisions taken from the command line the student has not heard.</summary>
    public async Task<IReadOnlyList<Guid>> ListWaitingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.EnrolmentRequests
            .Where(e => (e.LeaseUntil == null || e.LeaseUntil < now)
                && (e.State == EnrolmentState.Queued || ((e.State == EnrolmentState.Enrolled || e.State == EnrolmentState.Rejected) && e.ToldAt == null)))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes the request for <paramref name="lease"/> with a conditional UPDATE; null when another worker has it or nothing is left to do.</summary>
    public async Task<EnrolmentRequest?> TryClaimAsync(Guid requestId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var until = now + lease;
        cancellationToken.ThrowIfCancellationRequested();

        // Not cancelled once started: a claim whose answer were lost would hold the lease with nobody to give it back.
        var claimed = await db.EnrolmentRequests
            .Where(e => e.Id == requestId && (e.LeaseUntil == null || e.LeaseUntil < now)
                && (e.State == EnrolmentState.Queued || ((e.State == EnrolmentState.Enrolled || e.State == EnrolmentState.Rejected) && e.ToldAt == null)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, until), CancellationToken.None);
        return claimed == 1 ? await db.EnrolmentRequests.AsNoTracking().SingleAsync(e => e.Id == requestId, CancellationToken.None) : null;
    }

    /// <summary>Gives the request back until <paramref name="until"/> (a transient failure, ours or Telegram's), or now when null (a stop).</summary>
    public async Task ReleaseAsync(Guid requestId, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.EnrolmentRequests.Where(e => e.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, until), cancellationToken);
    }

    /// <summary>The faces of other IDs' requests awaiting approval: not enrolled yet, but a second ID with the same face is refused too.</summary>
    public async Task<LookAlike?> ClosestAwaitingAsync(float[] embedding, string studentId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var awaiting = await db.EnrolmentRequests.AsNoTracking()
            .Where(e => e.State == EnrolmentState.AwaitingApproval && e.StudentId != studentId && e.Embedding != null)
            .Select(e => new { e.StudentId, e.Embedding })
            .ToListAsync(cancellationToken);
        return awaiting.Select(a => new LookAlike(a.StudentId, SimilarityScale.Cosine(embedding, ProbeBytes.ToFloats(a.Embedding!)))).MaxBy(a => a.Cosine);
    }

    /// <summary>
    /// Writes the machine's verdict on a queued request with its audit row: refused (the ID is free for a new request) or
    /// awaiting approval with the frame and its face. False when the request was no longer queued (forgotten meanwhile).
    /// </summary>
    public Task<bool> DecideAsync(Guid requestId, EnrolmentVerdict verdict, EnrolmentPhoto? photo, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sessions.TurnTransaction.RunAsync(database, ct => WriteVerdictAsync(requestId, verdict, photo, now, ct), cancellationToken);

    private async Task<bool> WriteVerdictAsync(Guid requestId, EnrolmentVerdict verdict, EnrolmentPhoto? photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.EnrolmentRequests.SingleAsync(e => e.Id == requestId, cancellationToken);
        if (request.State != EnrolmentState.Queued)
        {
            return false;
        }

        request.LeaseUntil = null;
        var (action, detail) = verdict switch
        {
            EnrolmentVerdict.ToApprove => (AuditAction.EnrolmentRequested, request.TeacherId is { } teacher ? $"to teacher:{teacher}" : "to the operator"),
            EnrolmentVerdict.FaceOfAnother other => (AuditAction.EnrolmentFaceOfAnother,
                string.Create(CultureInfo.InvariantCulture, $"face of {other.Owner.StudentId}, similarity {other.Owner.Similarity:0.0}")),
            EnrolmentVerdict.Unusable unusable => (AuditAction.EnrolmentRefused, unusable.Why.GetType().Name),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
        };
        if (verdict is EnrolmentVerdict.ToApprove && photo is not null)
        {
            request.State = EnrolmentState.AwaitingApproval;
            request.Photo = photo.Jpeg;
            request.Embedding = ProbeBytes.FromFloats(photo.Embedding);
        }
        else
        {
            request.State = EnrolmentState.Refused;
            request.OpenSlot = null;
            request.DecidedAt = now;
            request.ToldAt = now;
        }

        request.Outcome = detail;
        AuditTrail.Record(db, now, AuditActor.FaceCheck, action, null, request.StudentId, $"request {request.Id:N} of telegram:{request.TelegramUserId}; {detail}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The student has heard the decision (taken from the command line).</summary>
    public async Task MarkToldAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.EnrolmentRequests.Where(e => e.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ToldAt, now).SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }
}

/// <summary>An enrolment note's best frame and its face, to wait for approval.</summary>
public sealed record EnrolmentPhoto(byte[] Jpeg, float[] Embedding);
