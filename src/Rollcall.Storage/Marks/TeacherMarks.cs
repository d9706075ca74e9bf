using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Marks;

/// <summary>
/// The teacher's own events on a mark (<see cref="MarkEvent.TeacherSet"/>, <see cref="MarkEvent.AttemptsReset"/>), inside the
/// turn's transaction: the rule's change applied, with its audit row, receipt and outbox row. Only the session's own teacher
/// chat may act; a student never seen in the session gets a mark now.
/// </summary>
public sealed class TeacherMarks(RollcallDb db, ReceiptBook receipts)
{
    /// <summary>The longest remark kept; the rest is cut.</summary>
    public const int RemarkLength = 200;

    public async Task<TeacherMarkOutcome> ApplyAsync(
        Guid sessionId, string studentId, MarkEvent happened, long teacherChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.TeacherChatId == teacherChatId, cancellationToken);
        var student = session is null
            ? null
            : await db.SessionStudents.AsNoTracking().SingleOrDefaultAsync(s => s.SessionId == sessionId && s.StudentId == studentId, cancellationToken);
        if (session is null || student is null)
        {
            return new TeacherMarkOutcome.NotFound();
        }

        var mark = await db.Marks.SingleOrDefaultAsync(m => m.SessionId == sessionId && m.StudentId == studentId, cancellationToken);
        if (mark is null)
        {
            mark = new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = MarkState.New.Status, CreatedAt = now };
            db.Marks.Add(mark);
        }

        if (happened is MarkEvent.TeacherSet { Remark: { Length: > RemarkLength } remark } set)
        {
            happened = set with { Remark = remark[..RemarkLength] };
        }

        if (MarkDecision.Decide(mark.State, happened) is not { } change)
        {
            return new TeacherMarkOutcome.Unchanged(student.Name, mark.Status);
        }

        mark.Apply(change, now);
        if (change.SendsToLms)
        {
            await VerificationStore.SendToLmsAsync(db, session, studentId, now, cancellationToken);
        }

        AuditTrail.Record(db, now, AuditActor.Teacher(session.TeacherId), change.AuditAction, sessionId, studentId, change.AuditDetail);
        var receipt = receipts.Issue(db, sessionId, studentId, change.Receipt, now);
        await db.SaveChangesAsync(cancellationToken);
        var chat = mark.TelegramUserId
            ?? await db.StudentBindings.Where(b => b.StudentId == studentId).Select(b => (long?)b.TelegramUserId).SingleOrDefaultAsync(cancellationToken);
        return new TeacherMarkOutcome.Applied(student.Name, session.Subject, mark.Status, receipt, change.Notifies ? chat : null);
    }

    /// <summary>
    /// Unbinds the student's ID from its Telegram account (a new phone or account), as `rollcall students unbind` does, for
    /// a student of the teacher's own session; null when the ID was not bound. The student refused for the binding is told.
    /// </summary>
    public async Task<Unbound?> UnbindAsync(Guid sessionId, string studentId, long teacherChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.TeacherChatId == teacherChatId, cancellationToken);
        if (session is null || !await db.SessionStudents.AnyAsync(s => s.SessionId == sessionId && s.StudentId == studentId, cancellationToken))
        {
            return null;
        }

        var removed = await db.StudentBindings.Where(b => b.StudentId == studentId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return null;
        }

        AuditTrail.Record(db, now, AuditActor.Teacher(session.TeacherId), AuditAction.Unbind, sessionId, studentId, "from the roll");
        await db.SaveChangesAsync(cancellationToken);
        var waiting = await db.SessionNotices.Where(n => n.SessionId == sessionId && n.StudentId == studentId && n.Kind == NoticeKinds.BoundToAnotherAccount)
            .Select(n => (long?)n.StudentChatId).FirstOrDefaultAsync(cancellationToken);
        return new Unbound(waiting);
    }

    /// <summary>The teacher's remark on a mark, without changing its status (a remark is no decision); false when not this teacher's.</summary>
    public async Task<bool> RemarkAsync(Guid sessionId, string studentId, string remark, long teacherChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TurnTransaction.EnsureAsync(db, cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.TeacherChatId == teacherChatId, cancellationToken);
        if (session is null || !await db.SessionStudents.AnyAsync(s => s.SessionId == sessionId && s.StudentId == studentId, cancellationToken))
        {
            return false;
        }

        var mark = await db.Marks.SingleOrDefaultAsync(m => m.SessionId == sessionId && m.StudentId == studentId, cancellationToken);
        if (mark is null)
        {
            mark = new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = MarkState.New.Status, CreatedAt = now };
            db.Marks.Add(mark);
        }

        mark.Remark = remark.Length > RemarkLength ? remark[..RemarkLength] : remark;
        AuditTrail.Record(db, now, AuditActor.Teacher(session.TeacherId), AuditAction.Remark, sessionId, studentId, mark.Remark);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>A binding the teacher removed, and the chat of the student who was refused for it and waits, if any.</summary>
public sealed record Unbound(long? WaitingChatId);

/// <summary>What became of a teacher's event on a mark.</summary>
public abstract record TeacherMarkOutcome
{
    private TeacherMarkOutcome()
    {
    }

    /// <summary>
    /// Applied; <paramref name="StudentChatId"/> is the student's chat to tell (the account that checked in, else the one the ID
    /// is bound to), null when there is nobody to tell or nothing they would notice.
    /// </summary>
    public sealed record Applied(string StudentName, string Subject, MarkStatus Status, string Receipt, long? StudentChatId) : TeacherMarkOutcome;

    /// <summary>The event changes nothing (attempts reset for a student in class).</summary>
    public sealed record Unchanged(string StudentName, MarkStatus Status) : TeacherMarkOutcome;

    /// <summary>Unknown session or student, or not this teacher's session.</summary>
    public sealed record NotFound : TeacherMarkOutcome;
}
