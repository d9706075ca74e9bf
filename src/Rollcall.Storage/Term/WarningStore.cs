using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Storage.Audit;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Term;

/// <summary>Who has been told of low attendance in a subject: loads the state, applies <see cref="LowAttendanceWarning"/>, saves.</summary>
public sealed class WarningStore(RollcallDatabase database)
{
    /// <summary>The students among <paramref name="studentIds"/> told of this subject and not back above since.</summary>
    public async Task<IReadOnlySet<string>> WarnedAsync(string subject, IReadOnlyCollection<string> studentIds, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return (await db.AttendanceWarnings.AsNoTracking()
            .Where(w => w.Subject == subject && studentIds.Contains(w.StudentId))
            .Select(w => w.StudentId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Applies the warn-once rule to students' standings in one subject (below as the caller judged it, see
    /// <see cref="LowAttendanceWarning.Below"/>) and returns those to tell now, each audited. A student
    /// back at or above the threshold is forgotten, so a later fall is told again. Of two reports deciding the same student
    /// at once, only the one that inserts the row tells them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(
        string subject, IReadOnlyList<(string StudentId, AttendanceFigures Figures, bool Below)> standings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var warned = await WarnedAsync(subject, [.. standings.Select(s => s.StudentId)], cancellationToken);
        await using var db = database.CreateContext();

        var cleared = new List<string>();
        var falling = new List<(string StudentId, AttendanceFigures Figures)>();
        foreach (var (studentId, figures, below) in standings)
        {
            switch (LowAttendanceWarning.Next(warned.Contains(studentId), below))
            {
                case WarningStep.Warn:
                    falling.Add((studentId, figures));
                    break;
                case WarningStep.Clear:
                    cleared.Add(studentId);
                    break;
            }
        }

        if (cleared.Count > 0)
        {
            await db.AttendanceWarnings.Where(w => w.Subject == subject && cleared.Contains(w.StudentId)).ExecuteDeleteAsync(cancellationToken);
        }

        var told = new List<string>();
        foreach (var (studentId, figures) in falling)
        {
            db.AttendanceWarnings.Add(new AttendanceWarning { StudentId = studentId, Subject = subject, WarnedAt = now });
            AuditTrail.Record(db, now, AuditActor.Report, AuditAction.AttendanceWarning, null, studentId,
                $"{subject}: {figures.Attended} of {figures.Held} ({figures.Percent:0.0} %)");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                told.Add(studentId);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }

        return told;
    }
}
