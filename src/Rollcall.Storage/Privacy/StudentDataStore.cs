using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Ports;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Enrolment;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Privacy;

/// <summary>
/// What Rollcall keeps about one Telegram account (/mydata) and its removal (/forget): the binding, the cached ID-photo
/// embeddings of the bound IDs, the embeddings of its verified video notes, its review pictures and its self-enrolments
/// (with the ID photos made from its notes). Marks stay: they are the attendance record, and what the LMS has is the
/// school's. Works in the turn's context.
/// </summary>
public sealed class StudentDataStore(RollcallDb db, IPhotoStore photos)
{
    public async Task<StudentData> DescribeAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        var bindings = await db.StudentBindings.AsNoTracking().Where(b => b.TelegramUserId == telegramUserId)
            .OrderBy(b => b.BoundAt).Select(b => new BoundId(b.StudentId, b.BoundAt)).ToListAsync(cancellationToken);
        var marks = await (
            from m in db.Marks.AsNoTracking()
            where m.TelegramUserId == telegramUserId
            join s in db.Sessions on m.SessionId equals s.Id
            select new MarkRecord(m.StudentId, s.Subject, s.Date, m.Status, m.Reviewed, s.CreatedAt) { SetByTeacher = m.SetByTeacher })
            .ToListAsync(cancellationToken);
        var ids = bindings.Select(b => b.StudentId).ToList();
        var cached = await db.FaceEmbeddings.AsNoTracking().Where(e => ids.Contains(e.StudentId)).Select(e => e.StudentId).ToListAsync(cancellationToken);
        var probes = await db.Marks.CountAsync(m => m.TelegramUserId == telegramUserId && m.ProbeEmbedding != null, cancellationToken);
        var pictures = await db.Reviews.CountAsync(r => r.TelegramUserId == telegramUserId && r.Image != null, cancellationToken);
        return new StudentData(bindings, [.. marks.OrderByDescending(m => m.At)], cached, probes, pictures)
        {
            Enrolments = await EnrolmentPrivacy.DescribeAsync(db, telegramUserId, cancellationToken),
        };
    }

    /// <summary>Removes the account's binding and face data inside the turn's transaction; audited.</summary>
    public async Task<ForgetResult> ForgetAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var photosRemoved = await EnrolmentPrivacy.RemovePhotosAsync(db, photos, telegramUserId, cancellationToken);
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var ids = await db.StudentBindings.Where(b => b.TelegramUserId == telegramUserId).Select(b => b.StudentId).ToListAsync(cancellationToken);

        // A binding stays while this account has a mark under it in a session whose report is not out: otherwise a
        // second account could check in as the same student in the same class (H1).
        var held = await (
            from m in db.Marks
            where m.TelegramUserId == telegramUserId && ids.Contains(m.StudentId)
            join s in db.Sessions on m.SessionId equals s.Id
            where s.ReportSentAt == null
            select m.StudentId).Distinct().ToListAsync(cancellationToken);
        var bindings = await db.StudentBindings.Where(b => b.TelegramUserId == telegramUserId && !held.Contains(b.StudentId)).ExecuteDeleteAsync(cancellationToken);
        var cached = await db.FaceEmbeddings.Where(e => ids.Contains(e.StudentId)).ExecuteDeleteAsync(cancellationToken);
        var probes = await db.Marks.Where(m => m.TelegramUserId == telegramUserId && m.ProbeEmbedding != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProbeEmbedding, (byte[]?)null), cancellationToken);
        var pictures = await db.Reviews.Where(r => r.TelegramUserId == telegramUserId && r.Image != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Image, (byte[]?)null), cancellationToken);
        var enrolments = await EnrolmentPrivacy.ForgetAsync(db, telegramUserId, photosRemoved, now, cancellationToken);
        AuditTrail.Record(db, now, AuditActor.Telegram(telegramUserId), AuditAction.Forget, null, ids.Count == 1 ? ids[0] : null,
            $"ids {string.Join(' ', ids)}; bindings {bindings} (kept {string.Join(' ', held)}), cached embeddings {cached}, video-note embeddings {probes}, review pictures {pictures}, "
            + $"enrolments {enrolments}, enrolled photos removed {string.Join(' ', photosRemoved)}");
        await db.SaveChangesAsync(cancellationToken);
        return new ForgetResult(bindings, cached, probes, pictures) { Enrolments = enrolments, PhotosRemoved = photosRemoved.Count, Held = held };
    }
}

public sealed record BoundId(string StudentId, DateTimeOffset BoundAt);

public sealed record MarkRecord(string StudentId, string Subject, DateOnly Date, MarkStatus Status, bool Reviewed, DateTimeOffset At)
{
    /// <summary>The teacher set the status.</summary>
    public bool SetByTeacher { get; init; }
}

/// <summary>Everything kept about one Telegram account.</summary>
public sealed record StudentData(
    IReadOnlyList<BoundId> Bindings, IReadOnlyList<MarkRecord> Marks, IReadOnlyList<string> CachedEmbeddings, int VideoNoteEmbeddings, int ReviewPictures)
{
    /// <summary>Self-enrolments holding the account's face: waiting for approval, or the ID photo made from its note.</summary>
    public IReadOnlyList<KeptEnrolment> Enrolments { get; init; } = [];

    public bool HasRemovable => Bindings.Count > 0 || CachedEmbeddings.Count > 0 || VideoNoteEmbeddings > 0 || ReviewPictures > 0 || Enrolments.Count > 0;
}

public sealed record ForgetResult(int Bindings, int CachedEmbeddings, int VideoNoteEmbeddings, int ReviewPictures)
{
    /// <summary>Self-enrolments closed, and the ID photos made from the account's notes that were removed with them.</summary>
    public int Enrolments { get; init; }

    public int PhotosRemoved { get; init; }

    /// <summary>IDs whose binding stays until the report of an open session where this account has a mark under them.</summary>
    public IReadOnlyList<string> Held { get; init; } = [];
}
