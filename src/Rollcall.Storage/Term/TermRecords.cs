using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Ports;
using Rollcall.Term;

namespace Rollcall.Storage.Term;

/// <summary>
/// Reads attendance over a term. Each read is one or two indexed queries (session_batches by batch, subject and date; the
/// roster and the marks by their session keys); counting is left to <see cref="AttendanceRule"/>, so the rule has one owner.
/// </summary>
public sealed class TermRecords(RollcallDatabase database) : ITermRecords
{
    public async Task<IReadOnlyList<TermClass>> ClassesAsync(DateSpan span, long? teacherId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var classes = await db.SessionBatches.AsNoTracking()
            .Where(b => b.Date >= span.From && b.Date <= span.To && (teacherId == null || b.TeacherId == teacherId))
            .GroupBy(b => new { b.Batch, b.Subject })
            .Select(g => new TermClass(g.Key.Batch, g.Key.Subject, g.Count()))
            .ToListAsync(cancellationToken);
        return [.. classes.OrderBy(c => c.Batch, StringComparer.Ordinal).ThenBy(c => c.Subject, StringComparer.Ordinal)];
    }

    public async Task<TermSheet> SheetAsync(string batch, string subject, DateSpan span, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var held = db.SessionBatches.AsNoTracking()
            .Where(b => b.Batch == batch && b.Subject == subject && b.Date >= span.From && b.Date <= span.To);
        var sessions = await held
            .Join(db.Sessions, b => b.SessionId, s => s.Id, (b, s) => new TermSession(s.Id, s.Date, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var cells = await (
            from b in held
            join r in db.SessionStudents on b.SessionId equals r.SessionId
            where r.Batch == batch
            join m in db.Marks on new { r.SessionId, r.StudentId } equals new { m.SessionId, m.StudentId } into marks
            from m in marks.DefaultIfEmpty()
            select new { r.SessionId, r.StudentId, r.Name, Status = m == null ? (MarkStatus?)null : m.Status })
            .ToListAsync(cancellationToken);

        sessions.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        var column = new Dictionary<Guid, int>(sessions.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            column[sessions[i].Id] = i;
        }

        var students = cells
            .GroupBy(c => c.StudentId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var row = new TermCell[sessions.Count];
                Array.Fill(row, TermCell.NotRostered);
                var latest = -1;
                var name = "";
                foreach (var c in g)
                {
                    var at = column[c.SessionId];
                    row[at] = new TermCell(true, c.Status);
                    if (at > latest)
                    {
                        // The name as the latest roster has it.
                        (latest, name) = (at, c.Name);
                    }
                }

                return new TermStudent(g.Key, name, row);
            })
            .ToList();
        return new TermSheet(batch, subject, span, sessions, students);
    }

    public async Task<IReadOnlyList<StudentSession>> StudentSessionsAsync(string studentId, DateSpan span, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var sessions = await (
            from r in db.SessionStudents.AsNoTracking()
            where r.StudentId == studentId
            join s in db.Sessions on r.SessionId equals s.Id
            where s.Date >= span.From && s.Date <= span.To
            join m in db.Marks on new { r.SessionId, r.StudentId } equals new { m.SessionId, m.StudentId } into marks
            from m in marks.DefaultIfEmpty()
            select new StudentSession(s.Id, s.Subject, r.Batch, s.Date, s.CreatedAt, m == null ? null : m.Status))
            .ToListAsync(cancellationToken);
        return [.. sessions.OrderBy(s => s.OpenedAt)];
    }
}
