using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Lms;

namespace Rollcall.Storage.Outbox;

/// <summary>What one delivery of a key carries.</summary>
internal static class AttendanceSet
{
    /// <summary>
    /// The whole roster of the batch across every session of the key, whichever teacher opened it, each with the mark the LMS records:
    /// two teachers recording one batch, subject and date write one LMS record together (audit M6).
    /// </summary>
    public static async Task<IReadOnlyList<StudentStatus>> StatusesAsync(RollcallDb db, DeliveryKey key, CancellationToken cancellationToken)
    {
        var sessionIds = db.SessionBatches
            .Where(b => b.Batch == key.Batch && b.Subject == key.Subject && b.Date == key.Date)
            .Select(b => b.SessionId);
        var roster = await db.SessionStudents.AsNoTracking()
            .Where(s => sessionIds.Contains(s.SessionId) && s.Batch == key.Batch)
            .Select(s => s.StudentId).Distinct().ToListAsync(cancellationToken);
        var marks = (await db.Marks.AsNoTracking()
            .Where(m => sessionIds.Contains(m.SessionId) && (m.Status == MarkStatus.Present || m.Status == MarkStatus.Late || m.Status == MarkStatus.Excused))
            .Select(m => new { m.StudentId, m.Status }).ToListAsync(cancellationToken))
            .ToLookup(m => m.StudentId, m => m.Status, StringComparer.Ordinal);
        return roster.Order(StringComparer.Ordinal).Select(id => new StudentStatus(id, LmsStatus.Strongest(marks[id]))).ToList();
    }
}
