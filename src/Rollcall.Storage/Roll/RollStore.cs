using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Sessions;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Roll;

/// <summary>
/// The teacher's roll in the turn's context: today's sessions as cards, pages of the roster with each mark, and the
/// session's own changes (+2 min, close now, a new centre), audited. Only the session's own teacher chat sees or acts.
/// </summary>
public sealed class RollStore(RollcallDb db)
{
    public const int PageSize = 8;

    public async Task<SessionCard?> CardAsync(Guid sessionId, long teacherChatId, CancellationToken cancellationToken) =>
        (await SessionCards.LoadAsync(db, Mine(teacherChatId).Where(s => s.Id == sessionId), cancellationToken)).SingleOrDefault();

    /// <summary>The chat's sessions opened since <paramref name="since"/> (the start of the local day), oldest first.</summary>
    public Task<IReadOnlyList<SessionCard>> SinceAsync(long teacherChatId, DateTimeOffset since, CancellationToken cancellationToken) =>
        SessionCards.LoadAsync(db, Mine(teacherChatId).Where(s => s.CreatedAt >= since), cancellationToken);

    /// <summary>One page of the roster in roll order (batch, then ID), each student with their mark.</summary>
    public async Task<RollPage?> PageAsync(Guid sessionId, long teacherChatId, int page, CancellationToken cancellationToken)
    {
        if (await CardAsync(sessionId, teacherChatId, cancellationToken) is not { } card)
        {
            return null;
        }

        var pages = Math.Max(1, (card.Students + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var students = await Roster(sessionId).Skip(page * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = students.Select(s => s.StudentId).ToList();
        var marks = await db.Marks.AsNoTracking().Where(m => m.SessionId == sessionId && ids.Contains(m.StudentId)).ToDictionaryAsync(m => m.StudentId, cancellationToken);
        var rows = students.Select((s, i) => Row(page * PageSize + i, s, marks.GetValueOrDefault(s.StudentId))).ToList();
        return new RollPage(card, page, pages, rows);
    }

    /// <summary>The student at <paramref name="index"/> in roll order, with their mark; the roll's buttons name students by index.</summary>
    public async Task<RollRow?> StudentAsync(Guid sessionId, long teacherChatId, int index, CancellationToken cancellationToken)
    {
        if (index < 0 || !await Mine(teacherChatId).AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            return null;
        }

        var student = await Roster(sessionId).Skip(index).FirstOrDefaultAsync(cancellationToken);
        if (student is null)
        {
            return null;
        }

        var mark = await db.Marks.AsNoTracking().SingleOrDefaultAsync(m => m.SessionId == sessionId && m.StudentId == student.StudentId, cancellationToken);
        var bound = await db.StudentBindings.AnyAsync(b => b.StudentId == student.StudentId, cancellationToken);
        return Row(index, student, mark) with { Bound = bound };
    }

    /// <summary>+2 min: the code is accepted that much longer (again, when it had closed), and the grace and report move with it.</summary>
    public async Task<SessionChange> ExtendAsync(Guid sessionId, long teacherChatId, TimeSpan by, Func<string> nextOtp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var row = await Mine(teacherChatId).AsTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (row is null || row.ReportSentAt is not null)
        {
            return row is null ? SessionChange.NotFound : SessionChange.Reported;
        }

        var (grace, delay) = (row.GraceEndsAt - row.ExpiresAt, row.ReportDueAt - row.ExpiresAt);
        row.ExpiresAt = (row.ExpiresAt > now ? row.ExpiresAt : now) + by;
        (row.GraceEndsAt, row.ReportDueAt) = (row.ExpiresAt + grace, row.ExpiresAt + delay);
        AuditTrail.Record(db, now, AuditActor.Teacher(row.TeacherId), AuditAction.SessionExtended, sessionId, detail: $"code until {row.ExpiresAt:O}");
        for (var draw = 0; ; draw++)
        {
            // A closed code left its slot: it takes it back, or a new code when another session holds it now.
            row.OtpSlot ??= row.Otp;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SessionChange.Done;
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && draw < 20)
            {
                (row.Otp, row.OtpSlot) = (nextOtp(), null);
            }
        }
    }

    /// <summary>Close now: the code and every check-in in progress end; the report follows REPORT_DELAY_SECONDS later.</summary>
    public async Task<SessionChange> CloseAsync(Guid sessionId, long teacherChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var row = await Mine(teacherChatId).AsTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (row is null || row.ReportSentAt is not null)
        {
            return row is null ? SessionChange.NotFound : SessionChange.Reported;
        }

        var delay = row.ReportDueAt - row.ExpiresAt;
        (row.ExpiresAt, row.GraceEndsAt, row.ReportDueAt) = (row.ExpiresAt < now ? row.ExpiresAt : now, now, now + delay);
        (row.OtpSlot, row.PreviousOtpSlot) = (null, null);
        AuditTrail.Record(db, now, AuditActor.Teacher(row.TeacherId), AuditAction.SessionClosed, sessionId);
        await db.SaveChangesAsync(cancellationToken);
        return SessionChange.Done;
    }

    /// <summary>A new centre for the class area (the teacher's own fix, checked by <see cref="CentreCheck"/>).</summary>
    public async Task<SessionChange> RecentreAsync(Guid sessionId, long teacherChatId, GeoPoint centre, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var row = await Mine(teacherChatId).AsTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (row is null)
        {
            return SessionChange.NotFound;
        }

        (row.CentreLatitude, row.CentreLongitude, row.CentreAccuracy) = (centre.Latitude, centre.Longitude, centre.AccuracyMetres);
        AuditTrail.Record(db, now, AuditActor.Teacher(row.TeacherId), AuditAction.SessionRecentred, sessionId,
            detail: FormattableString.Invariant($"{centre.Latitude:0.00000}, {centre.Longitude:0.00000} (±{centre.AccuracyMetres ?? 0:0} m)"));
        await db.SaveChangesAsync(cancellationToken);
        return SessionChange.Done;
    }

    private IQueryable<AttendanceSessionRow> Mine(long teacherChatId) => db.Sessions.AsNoTracking().Where(s => s.TeacherChatId == teacherChatId);

    private IQueryable<SessionStudent> Roster(Guid sessionId) =>
        db.SessionStudents.AsNoTracking().Where(s => s.SessionId == sessionId).OrderBy(s => s.Batch).ThenBy(s => s.StudentId);

    private static RollRow Row(int index, SessionStudent student, AttendanceMark? mark) =>
        new(index, student.StudentId, student.Name, student.Batch, mark?.Status, mark?.SetByTeacher ?? false, mark?.Similarity, mark?.AttemptsUsed ?? 0)
        {
            Reason = mark?.Reason,
            Remark = mark?.Remark,
            DecidedAt = mark?.DecidedAt,
        };
}

/// <summary>One page of a session's roll.</summary>
public sealed record RollPage(SessionCard Card, int Page, int Pages, IReadOnlyList<RollRow> Rows);

/// <summary>A student in the roll: where they are in roll order, and their mark (null status: never checked in).</summary>
public sealed record RollRow(int Index, string StudentId, string Name, string Batch, MarkStatus? Status, bool SetByTeacher, double? Similarity, int AttemptsUsed)
{
    public string? Reason { get; init; }

    public string? Remark { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The ID is bound to a Telegram account.</summary>
    public bool Bound { get; init; }
}

/// <summary>What became of a change to a session.</summary>
public enum SessionChange
{
    Done,
    NotFound,

    /// <summary>The report went out: the window no longer moves.</summary>
    Reported,
}
