using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Reviews;

/// <summary>
/// Grey-band check-ins the teacher approves or rejects in the chat, inside the turn's context. A review is open until the
/// teacher decides or the session's report goes out (<see cref="ReviewExpiry"/>); the decision is taken with a conditional
/// UPDATE, so a late tap and the report never both win.
/// </summary>
public sealed class ReviewStore(RollcallDb db, ReceiptBook receipts)
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>The decision of a review the report closed (see <see cref="ReviewExpiry"/>).</summary>
    public const string Expired = "expired";

    /// <summary>Adds the review of <paramref name="job"/>'s check-in to <paramref name="db"/>; saved with the decision.</summary>
    internal static Guid Open(RollcallDb db, VerificationJob job, ReviewReason reason, double? similarity, byte[]? image, DateTimeOffset now)
    {
        var review = new ReviewRequest
        {
            Id = Guid.CreateVersion7(now),
            SessionId = job.SessionId,
            StudentId = job.StudentId,
            StudentChatId = job.ChatId,
            TelegramUserId = job.TelegramUserId,
            Reason = ReviewPolicy.NameOf(reason),
            Similarity = similarity,
            DistanceMetres = job.DistanceMetres,
            AccuracyMetres = job.AccuracyMetres,
            Image = image,
            CreatedAt = now,
        };
        db.Reviews.Add(review);
        return review.Id;
    }

    /// <summary>
    /// The teacher's tap, inside the caller's transaction: approve marks the student present (outbox, binding) and reviewed;
    /// reject refuses. Only the session's own teacher chat may decide.
    /// </summary>
    public Task<ReviewOutcome> DecideAsync(
        Guid reviewId, bool approve, long teacherChatId, bool keepImage, DateTimeOffset now, CancellationToken cancellationToken) =>
        DecideAsync(reviewId, approve, teacherChatId, keepImage, null, now, cancellationToken);

    /// <summary>As above; an approved check-in whose note came <paramref name="lateAfter"/> or more after the session opened is Late.</summary>
    public async Task<ReviewOutcome> DecideAsync(
        Guid reviewId, bool approve, long teacherChatId, bool keepImage, TimeSpan? lateAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        var session = review is null ? null : await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == review.SessionId, cancellationToken);
        if (review is null || session is null || session.TeacherChatId != teacherChatId)
        {
            return new ReviewOutcome.NotFound();
        }

        var decision = approve ? Approved : Rejected;
        var won = await db.Reviews.Where(r => r.Id == reviewId && r.Decision == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Decision, decision).SetProperty(r => r.DecidedAt, now), cancellationToken);
        if (won == 0)
        {
            var current = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Decision).SingleAsync(cancellationToken);
            return current == Expired ? new ReviewOutcome.Closed() : new ReviewOutcome.AlreadyDecided(current ?? "");
        }

        if (!keepImage)
        {
            await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Image, (byte[]?)null), cancellationToken);
        }

        var mark = await db.Marks.SingleAsync(m => m.SessionId == review.SessionId && m.StudentId == review.StudentId, cancellationToken);
        var late = Rollcall.Sessions.SessionTimes.IsLate(session.CreatedAt, review.CreatedAt, lateAfter);
        var change = MarkDecision.Decide(mark.State, new MarkEvent.Reviewed(approve, review.Reason, review.Similarity) { Late = late })!;
        mark.Apply(change, now);
        if (change.MarksPresent)
        {
            await VerificationStore.MarkPresentAsync(db, session, review.StudentId, review.TelegramUserId, now, cancellationToken);
        }

        AuditTrail.Record(db, now, AuditActor.Teacher(session.TeacherId), change.AuditAction, review.SessionId, review.StudentId, change.AuditDetail);
        var receipt = receipts.Issue(db, review.SessionId, review.StudentId, change.Receipt, now);
        await db.SaveChangesAsync(cancellationToken);
        var name = await VerificationStore.StudentNameAsync(db, review.SessionId, review.StudentId, cancellationToken);
        return new ReviewOutcome.Decided(review.StudentId, name, review.StudentChatId, session.Subject, approve, receipt);
    }
}

/// <summary>What became of a teacher's tap on Approve or Reject.</summary>
public abstract record ReviewOutcome
{
    private ReviewOutcome()
    {
    }

    public sealed record Decided(string StudentId, string StudentName, long StudentChatId, string Subject, bool Approved, string Receipt) : ReviewOutcome;

    /// <summary>Unknown, or not this teacher's session.</summary>
    public sealed record NotFound : ReviewOutcome;

    public sealed record AlreadyDecided(string Decision) : ReviewOutcome;

    /// <summary>The report went out first.</summary>
    public sealed record Closed : ReviewOutcome;
}
