using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Roll;

/// <summary>Reads sessions as their cards: the rows, their batches and roster sizes, and their marks' counts, in three queries.</summary>
internal static class SessionCards
{
    public static async Task<IReadOnlyList<SessionCard>> LoadAsync(RollcallDb db, IQueryable<AttendanceSessionRow> sessions, CancellationToken cancellationToken)
    {
        var rows = await sessions.AsNoTracking().Include(s => s.Batches).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var sizes = await db.SessionStudents.Where(s => ids.Contains(s.SessionId)).GroupBy(s => s.SessionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var marks = (await db.Marks.Where(m => ids.Contains(m.SessionId)).Select(m => new { m.SessionId, m.Status }).ToListAsync(cancellationToken))
            .ToLookup(m => m.SessionId, m => m.Status);
        return [.. rows.Select(r => Card(r, sizes.GetValueOrDefault(r.Id), marks[r.Id]))];
    }

    public static CheckInWindow Window(AttendanceSessionRow row, TimeSpan reportDelay) => new(row.ExpiresAt, row.GraceEndsAt, reportDelay);

    private static SessionCard Card(AttendanceSessionRow row, int students, IEnumerable<MarkStatus> marks) => new(
        row.Id,
        row.Otp,
        [.. row.Batches.Select(b => b.Batch).Order(StringComparer.Ordinal)],
        row.Subject,
        row.Date,
        row.CreatedAt,
        Window(row, row.ReportDueAt - row.ExpiresAt),
        students,
        RollCounts.Of(students, marks),
        row.ReportSentAt)
    {
        CentreAccuracy = row.CentreAccuracy,
    };
}
