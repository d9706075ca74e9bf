using Microsoft.EntityFrameworkCore;
using Rollcall.Enrolment;
using Rollcall.Ports;

namespace Rollcall.Storage.Enrolment;

/// <summary>
/// A Telegram account's self-enrolments in /mydata and /forget: the frames waiting for approval, and the ID photos made
/// from its video notes. /forget removes an ID photo only while it is still the one this account gave (not a photo the
/// operator imported since).
/// </summary>
public static class EnrolmentPrivacy
{
    /// <summary>The account's enrolments that hold a face: waiting, or enrolled as an ID photo.</summary>
    public static async Task<IReadOnlyList<KeptEnrolment>> DescribeAsync(RollcallDb db, long telegramUserId, CancellationToken cancellationToken) =>
        await db.EnrolmentRequests.AsNoTracking()
            .Where(e => e.TelegramUserId == telegramUserId
                && (e.State == EnrolmentState.Queued || e.State == EnrolmentState.AwaitingApproval || e.State == EnrolmentState.Enrolled))
            .OrderBy(e => e.CreatedAt)
            .Select(e => new KeptEnrolment(e.StudentId, e.State))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Removes the ID photos enrolled from this account's notes from the photo store. Call it before the turn's first write:
    /// the store is not part of the transaction, and a retry after a failed commit finds nothing left to remove.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemovePhotosAsync(RollcallDb db, IPhotoStore photos, long telegramUserId, CancellationToken cancellationToken)
    {
        var enrolled = await db.EnrolmentRequests.AsNoTracking()
            .Where(e => e.TelegramUserId == telegramUserId && e.State == EnrolmentState.Enrolled)
            .Select(e => new { e.StudentId, e.PhotoVersion })
            .ToListAsync(cancellationToken);
        List<string> removed = [];
        foreach (var e in enrolled)
        {
            if (e.PhotoVersion is not null && (await photos.FindAsync(e.StudentId, cancellationToken))?.VersionTag == e.PhotoVersion)
            {
                await photos.DeleteAsync(e.StudentId, cancellationToken);
                removed.Add(e.StudentId);
            }
        }

        return removed;
    }

    /// <summary>Closes the account's enrolments inside the turn's transaction: frames and faces dropped, the IDs free to enrol again.</summary>
    public static async Task<int> ForgetAsync(RollcallDb db, long telegramUserId, IReadOnlyList<string> photosRemoved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.FaceEmbeddings.Where(f => photosRemoved.Contains(f.StudentId)).ExecuteDeleteAsync(cancellationToken);
        return await db.EnrolmentRequests
            .Where(e => e.TelegramUserId == telegramUserId
                && (e.State == EnrolmentState.Queued || e.State == EnrolmentState.AwaitingApproval || e.State == EnrolmentState.Enrolled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EnrolmentState.Forgotten)
                .SetProperty(e => e.OpenSlot, (string?)null)
                .SetProperty(e => e.Photo, (byte[]?)null)
                .SetProperty(e => e.Embedding, (byte[]?)null)
                .SetProperty(e => e.DecidedAt, e => e.DecidedAt ?? now)
                .SetProperty(e => e.ToldAt, e => e.ToldAt ?? now), cancellationToken);
    }
}

/// <summary>An enrolment that holds the account's face: its ID and where it stands.</summary>
public sealed record KeptEnrolment(string StudentId, EnrolmentState State);
