using Microsoft.EntityFrameworkCore;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Marks;

/// <summary>The teacher's notices about a student, once per session, student and kind, in the caller's transaction.</summary>
public static class SessionNotices
{
    /// <summary>Adds the notice unless the teacher had it already (saved with the caller's decision); true when it is new.</summary>
    public static async Task<bool> RecordAsync(RollcallDb db, Guid sessionId, string studentId, string kind, long studentChatId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (db.SessionNotices.Local.Any(n => n.SessionId == sessionId && n.StudentId == studentId && n.Kind == kind)
            || await db.SessionNotices.AnyAsync(n => n.SessionId == sessionId && n.StudentId == studentId && n.Kind == kind, cancellationToken))
        {
            return false;
        }

        db.SessionNotices.Add(new SessionNotice { SessionId = sessionId, StudentId = studentId, Kind = kind, StudentChatId = studentChatId, CreatedAt = now });
        return true;
    }

    /// <summary>The student's place in roll order (batch, then ID), which the roll's and the notices' buttons carry.</summary>
    public static async Task<int> RollIndexAsync(RollcallDb db, Guid sessionId, string studentId, CancellationToken cancellationToken)
    {
        var batch = await db.SessionStudents.Where(s => s.SessionId == sessionId && s.StudentId == studentId).Select(s => s.Batch).SingleAsync(cancellationToken);
        return await db.SessionStudents.CountAsync(
            s => s.SessionId == sessionId && (string.Compare(s.Batch, batch) < 0 || (s.Batch == batch && string.Compare(s.StudentId, studentId) < 0)),
            cancellationToken);
    }
}
