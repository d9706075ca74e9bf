using Microsoft.EntityFrameworkCore;

namespace Rollcall.Storage.Enrolment;

/// <summary>A student as a roster knows them, with the teacher who approves their enrolment (null: only the operator can).</summary>
public sealed record RosterPlace(string Name, string Batch, long? TeacherId, long? TeacherChatId);

/// <summary>
/// Who a student is and who their teacher is, for self-enrolment: the teacher of the latest session the student tried to
/// check in to, else of the latest session with the student on its roster, else of the latest session of the student's
/// batch on the built-in roster.
/// </summary>
public static class EnrolmentRoster
{
    public static async Task<RosterPlace?> FindAsync(RollcallDb db, string studentId, CancellationToken cancellationToken)
    {
        var seen = await (
            from st in db.SessionStudents.AsNoTracking()
            where st.StudentId == studentId
            join s in db.Sessions on st.SessionId equals s.Id
            let tried = db.Marks.Any(m => m.SessionId == s.Id && m.StudentId == studentId)
            orderby tried descending, s.CreatedAt descending
            select new RosterPlace(st.Name, st.Batch, s.TeacherId, s.TeacherChatId))
            .FirstOrDefaultAsync(cancellationToken);
        if (seen is not null)
        {
            return seen;
        }

        var entry = await db.Roster.AsNoTracking().Where(r => r.StudentId == studentId).OrderBy(r => r.Batch)
            .Select(r => new { r.Name, r.Batch }).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var teacher = await (
            from b in db.SessionBatches.AsNoTracking()
            where b.Batch == entry.Batch
            join s in db.Sessions on b.SessionId equals s.Id
            orderby s.CreatedAt descending
            select new { s.TeacherId, s.TeacherChatId })
            .FirstOrDefaultAsync(cancellationToken);
        return new RosterPlace(entry.Name, entry.Batch, teacher?.TeacherId, teacher?.TeacherChatId);
    }
}
