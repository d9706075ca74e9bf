using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Ports;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Enrolment;

/// <summary>
/// A person's decision on an enrolment awaiting approval, in the caller's context: the request's teacher (from the chat)
/// or the operator (from the command line). Approving stores the frame as the ID photo and binds the ID to the account
/// that sent it; the decision is a conditional UPDATE, so two taps, or a tap and the command line, never both win.
/// </summary>
public sealed class EnrolmentDecisions(RollcallDb db, IPhotoStore photos)
{
    /// <summary>The outcome of a request closed because the operator enrolled an ID photo meanwhile.</summary>
    public const string Superseded = "an ID photo was enrolled meanwhile";

    /// <param name="teacherChatId">The deciding teacher's chat, or null for the operator.</param>
    public async Task<EnrolmentOutcome> DecideAsync(Guid requestId, bool approve, long? teacherChatId, bool tellsStudent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await db.EnrolmentRequests.AsNoTracking().SingleOrDefaultAsync(e => e.Id == requestId, cancellationToken);
        if (request is null || (teacherChatId is { } chat && request.TeacherChatId != chat))
        {
            return new EnrolmentOutcome.NotFound();
        }

        if (request.State != EnrolmentState.AwaitingApproval || request.Photo is null)
        {
            return new EnrolmentOutcome.AlreadyDecided(request.StudentId, request.State);
        }

        // An ID photo enrolled meanwhile (the operator's import) is the school's: it is never replaced from a video note.
        var superseded = approve && await photos.FindAsync(request.StudentId, cancellationToken) is not null;

        // The photo is written before the transaction opens, so no write lock waits on the photo store.
        var version = approve && !superseded ? await photos.SaveAsync(request.StudentId, request.Photo, cancellationToken) : null;
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var state = version is null ? EnrolmentState.Rejected : EnrolmentState.Enrolled;
        var outcome = superseded ? Superseded : approve ? "approved" : "rejected";
        var won = await db.EnrolmentRequests.Where(e => e.Id == requestId && e.State == EnrolmentState.AwaitingApproval)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, state)
                .SetProperty(e => e.OpenSlot, (string?)null)
                .SetProperty(e => e.Photo, (byte[]?)null)
                .SetProperty(e => e.Embedding, (byte[]?)null)
                .SetProperty(e => e.PhotoVersion, version)
                .SetProperty(e => e.Outcome, outcome)
                .SetProperty(e => e.DecidedAt, now)
                .SetProperty(e => e.ToldAt, tellsStudent ? now : (DateTimeOffset?)null)
                .SetProperty(e => e.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (won == 0)
        {
            return await LostAsync(request, version, cancellationToken);
        }

        var actor = teacherChatId is null ? AuditActor.Operator : AuditActor.Teacher(request.TeacherId ?? 0);
        if (version is not null)
        {
            await BindAsync(request, now, cancellationToken);
        }

        AuditTrail.Record(db, now, actor, version is null ? AuditAction.EnrolmentRejected : AuditAction.EnrolmentApproved, null, request.StudentId,
            $"request {request.Id:N} of telegram:{request.TelegramUserId}; {outcome}");
        await db.SaveChangesAsync(cancellationToken);
        return superseded
            ? new EnrolmentOutcome.HasPhoto(request.StudentId, request.StudentName, request.ChatId)
            : new EnrolmentOutcome.Decided(request.StudentId, request.StudentName, request.ChatId, version is not null);
    }

    /// <summary>The open requests, oldest first (the operator's list): waiting for approval, or still being examined.</summary>
    public async Task<IReadOnlyList<EnrolmentRequest>> ListOpenAsync(CancellationToken cancellationToken) =>
        await db.EnrolmentRequests.AsNoTracking().Where(e => e.OpenSlot != null).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The open request of a student ID, if any.</summary>
    public Task<EnrolmentRequest?> FindOpenAsync(string studentId, CancellationToken cancellationToken) =>
        db.EnrolmentRequests.AsNoTracking().SingleOrDefaultAsync(e => e.OpenSlot == studentId, cancellationToken);

    // The first verified face binds an ID to its account; an approved enrolment is one (the note came from this account).
    private async Task BindAsync(EnrolmentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.StudentBindings.AnyAsync(b => b.StudentId == request.StudentId, cancellationToken))
        {
            db.StudentBindings.Add(new StudentBinding { StudentId = request.StudentId, TelegramUserId = request.TelegramUserId, BoundAt = now });
        }
    }

    // Another decision won (a second tap, the command line, /forget): a photo this call wrote for a request not enrolled goes again.
    private async Task<EnrolmentOutcome> LostAsync(EnrolmentRequest request, string? version, CancellationToken cancellationToken)
    {
        var current = await db.EnrolmentRequests.AsNoTracking().Where(e => e.Id == request.Id).Select(e => e.State).SingleAsync(cancellationToken);
        if (version is not null && current != EnrolmentState.Enrolled && (await photos.FindAsync(request.StudentId, cancellationToken))?.VersionTag == version)
        {
            await photos.DeleteAsync(request.StudentId, cancellationToken);
        }

        return new EnrolmentOutcome.AlreadyDecided(request.StudentId, current);
    }
}

/// <summary>What became of a decision on an enrolment.</summary>
public abstract record EnrolmentOutcome
{
    private EnrolmentOutcome()
    {
    }

    /// <summary>Approved (the ID photo is stored) or rejected; <paramref name="StudentChatId"/> is the student's chat to tell.</summary>
    public sealed record Decided(string StudentId, string StudentName, long StudentChatId, bool Approved) : EnrolmentOutcome;

    /// <summary>An ID photo was enrolled meanwhile (by the operator): the request is closed, the photo kept.</summary>
    public sealed record HasPhoto(string StudentId, string StudentName, long StudentChatId) : EnrolmentOutcome;

    public sealed record AlreadyDecided(string StudentId, EnrolmentState State) : EnrolmentOutcome;

    /// <summary>Unknown, or not this teacher's to decide.</summary>
    public sealed record NotFound : EnrolmentOutcome;
}
