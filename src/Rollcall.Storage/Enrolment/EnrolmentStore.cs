using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Ports;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Enrolment;

/// <summary>
/// A student's request to enrol their face, inside the turn's context: who they are on a roster and who approves, whether
/// they may ask (<see cref="EnrolmentRules.Admit"/>), and the request row the worker takes.
/// </summary>
public sealed class EnrolmentStore(RollcallDb db, IPhotoStore photos)
{
    /// <summary>
    /// Whether <paramref name="telegramUserId"/> may enrol <paramref name="studentId"/> now, and the student's roster place.
    /// A second account asking while a request is open is audited, and the teacher is told once (<see cref="EnrolmentAsk.WarnTeacherChat"/>).
    /// </summary>
    public async Task<EnrolmentAsk> AskAsync(string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var place = await EnrolmentRoster.FindAsync(db, studentId, cancellationToken);
        var open = await db.EnrolmentRequests.AsNoTracking().Where(e => e.OpenSlot == studentId)
            .Select(e => new { e.Id, e.TelegramUserId, e.TeacherChatId, e.ContestedAt }).SingleOrDefaultAsync(cancellationToken);
        var facts = new EnrolmentFacts(
            place is not null,
            place is not null && await photos.FindAsync(studentId, cancellationToken) is not null,
            await db.StudentBindings.AsNoTracking().Where(b => b.StudentId == studentId).Select(b => (long?)b.TelegramUserId).SingleOrDefaultAsync(cancellationToken),
            await db.StudentBindings.AsNoTracking().Where(b => b.TelegramUserId == telegramUserId && b.StudentId != studentId)
                .Select(b => b.StudentId).FirstOrDefaultAsync(cancellationToken),
            open?.TelegramUserId,
            await db.EnrolmentRequests.CountAsync(e => e.TelegramUserId == telegramUserId && e.CreatedAt > now.AddDays(-1), cancellationToken))
        {
            AccountWaitingFor = await db.EnrolmentRequests.AsNoTracking().Where(e => e.TelegramUserId == telegramUserId && e.OpenSlot != null)
                .Select(e => e.StudentId).FirstOrDefaultAsync(cancellationToken),
        };
        var admission = EnrolmentRules.Admit(facts, studentId, telegramUserId);
        if (admission != EnrolmentAdmission.RequestedByAnother || open is null)
        {
            return new EnrolmentAsk(admission, place) { WaitingFor = facts.AccountWaitingFor };
        }

        // Someone may be enrolling another student's ID: the approver should look twice at the open request.
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var first = await db.EnrolmentRequests.Where(e => e.Id == open.Id && e.ContestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ContestedAt, now), cancellationToken);
        AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), AuditAction.EnrolmentContested, null, studentId,
            $"request {open.Id:N} of telegram:{open.TelegramUserId} is open");
        await db.SaveChangesAsync(cancellationToken);
        return new EnrolmentAsk(admission, place) { WarnTeacherChat = first == 1 ? open.TeacherChatId : null };
    }

    /// <summary>Stores the request for the worker, asking again first (the same rule, against what changed since the ID was given).</summary>
    public async Task<EnrolmentQueueResult> TryRequestAsync(EnrolmentDraft draft, CancellationToken cancellationToken)
    {
        var ask = await AskAsync(draft.StudentId, draft.TelegramUserId, draft.Now, cancellationToken);
        if (ask.Admission != EnrolmentAdmission.Open || ask.Place is not { } place)
        {
            return new EnrolmentQueueResult.Refused(ask);
        }

        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var request = new EnrolmentRequest
        {
            Id = Guid.CreateVersion7(draft.Now),
            StudentId = draft.StudentId,
            OpenSlot = draft.StudentId,
            StudentName = place.Name,
            Batch = place.Batch,
            TelegramUserId = draft.TelegramUserId,
            ChatId = draft.ChatId,
            TeacherId = place.TeacherId,
            TeacherChatId = place.TeacherChatId,
            FileId = draft.FileId,
            FileUniqueId = draft.FileUniqueId,
            Challenge = draft.Challenge,
            State = EnrolmentState.Queued,
            CreatedAt = draft.Now,
        };
        db.EnrolmentRequests.Add(request);
        db.SeenMedia.Add(new SeenMedia { FileUniqueId = draft.FileUniqueId, SeenAt = draft.Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EnrolmentQueueResult.Queued(request.Id);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            TurnTransaction.DiscardPending(db);
        }

        // A note used before, or a request for the ID that won a race with this one.
        return await db.SeenMedia.AnyAsync(m => m.FileUniqueId == draft.FileUniqueId, cancellationToken)
            ? new EnrolmentQueueResult.Replayed()
            : new EnrolmentQueueResult.Refused(ask with { Admission = EnrolmentAdmission.AlreadyRequested });
    }
}

/// <summary>The answer to "may I enrol this ID?": the rule's admission and, when the ID is on a roster, its place.</summary>
public sealed record EnrolmentAsk(EnrolmentAdmission Admission, RosterPlace? Place)
{
    /// <summary>The approving teacher's chat to warn that a second account asked for the ID (once per open request).</summary>
    public long? WarnTeacherChat { get; init; }

    /// <summary>The ID of the asking account's own open request, if any.</summary>
    public string? WaitingFor { get; init; }
}

/// <summary>A received enrolment note.</summary>
public sealed record EnrolmentDraft(string StudentId, long TelegramUserId, long ChatId, string FileId, string FileUniqueId, ChallengeKind Challenge, DateTimeOffset Now);

/// <summary>Outcome of storing an enrolment request.</summary>
public abstract record EnrolmentQueueResult
{
    private EnrolmentQueueResult()
    {
    }

    public sealed record Queued(Guid RequestId) : EnrolmentQueueResult;

    public sealed record Refused(EnrolmentAsk Ask) : EnrolmentQueueResult;

    /// <summary>The same file (file_unique_id) was received before.</summary>
    public sealed record Replayed : EnrolmentQueueResult;
}
