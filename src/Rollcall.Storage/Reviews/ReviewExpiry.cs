using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Replies;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Reviews;

/// <summary>The report's deadline for reviews: those still open when it goes out are closed together, in one transaction.</summary>
public sealed class ReviewExpiry(RollcallDatabase database, ReceiptBook receipts)
{
    /// <summary>
    /// Closes the session's open reviews as the report goes out: those students are refused ("not reviewed in time") and
    /// get a receipt. Returns them; the <paramref name="replies"/> that tell them so commit with the expiry (reply outbox).
    /// </summary>
    public async Task<IReadOnlyList<ReviewOutcome.Decided>> ExpireAsync(Guid sessionId, bool keepImages, DateTimeOffset now, CancellationToken cancellationToken,
        Func<IReadOnlyList<ReviewOutcome.Decided>, IEnumerable<PendingReply>>? replies = null) =>
        await TurnTransaction.RunAsync(database, async ct =>
        {
            await using var db = database.CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var open = await db.Reviews.AsNoTracking().Where(r => r.SessionId == sessionId && r.Decision == null).ToListAsync(ct);
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
            List<ReviewOutcome.Decided> expired = [];
            foreach (var review in open)
            {
                var won = await db.Reviews.Where(r => r.Id == review.Id && r.Decision == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Decision, ReviewStore.Expired).SetProperty(r => r.DecidedAt, now), ct);
                if (won == 0)
                {
                    continue;
                }

                var mark = await db.Marks.SingleAsync(m => m.SessionId == sessionId && m.StudentId == review.StudentId, ct);
                var change = MarkDecision.Decide(mark.State, new MarkEvent.ReviewExpired(review.Reason))!;
                mark.Apply(change, now);
                AuditTrail.Record(db, now, AuditActor.Report, change.AuditAction, sessionId, review.StudentId, change.AuditDetail);
                var receipt = receipts.Issue(db, sessionId, review.StudentId, change.Receipt, now);
                expired.Add(new ReviewOutcome.Decided(review.StudentId, "", review.StudentChatId, session.Subject, false, receipt));
            }

            if (!keepImages)
            {
                await db.Reviews.Where(r => r.SessionId == sessionId && r.Image != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Image, (byte[]?)null), ct);
            }

            if (replies is not null)
            {
                ReplyOutbox.Enqueue(db, replies(expired), now);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (IReadOnlyList<ReviewOutcome.Decided>)expired;
        }, cancellationToken);
}
