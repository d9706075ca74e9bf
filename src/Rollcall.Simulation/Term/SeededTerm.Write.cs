using Rollcall.Attendance;
using Rollcall.Storage;
using Rollcall.Storage.Entities;

namespace Rollcall.Simulation.Term;

public sealed partial class SeededTerm
{
    /// <summary>Sessions saved per transaction: a term of 200 x 60 is about 25 000 rows.</summary>
    private const int SessionsPerSave = 25;

    /// <summary>
    /// Writes the term as closed sessions with their reports sent, taught by <paramref name="teacherId"/> (a new teacher
    /// when null, whose id is returned).
    /// </summary>
    public async Task<long> WriteAsync(RollcallDatabase database, long? teacherId, CancellationToken cancellationToken)
    {
        var teacher = teacherId ?? await AddTeacherAsync(database, cancellationToken);
        var names = Students.Concat(OtherStudents).ToDictionary(s => s.StudentId, s => s.Name, StringComparer.Ordinal);
        var others = OtherStudents.Select(s => s.StudentId).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in Sessions.Chunk(SessionsPerSave))
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var session in chunk)
            {
                db.Sessions.Add(Row(session, teacher, names, others));
                foreach (var (studentId, status) in session.Marks)
                {
                    if (status is { } decided)
                    {
                        db.Marks.Add(Mark(session, studentId, decided));
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return teacher;
    }

    private static async Task<long> AddTeacherAsync(RollcallDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = new Teacher { Name = "Term Teacher", Phone = "910000000015", PhoneKey = "0000000015", CreatedAt = DateTimeOffset.UnixEpoch };
        db.Teachers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    private AttendanceSessionRow Row(SeededSession session, long teacher, Dictionary<string, string> names, HashSet<string> others) => new()
    {
        Id = session.Id,
        TeacherId = teacher,
        TeacherChatId = teacher,
        Otp = "000000",
        Subject = session.Subject,
        Date = session.Date,
        CreatedAt = session.OpenedAt,
        ExpiresAt = session.OpenedAt.AddSeconds(120),
        ReportDueAt = session.OpenedAt.AddSeconds(135),
        ReportSentAt = session.OpenedAt.AddSeconds(136),
        Batches = [.. session.Batches.Select(b => new SessionBatch { SessionId = session.Id, TeacherId = teacher, Batch = b, Subject = session.Subject, Date = session.Date })],
        Students = [.. session.Marks.Keys.Select(id => new SessionStudent
        {
            SessionId = session.Id,
            StudentId = id,
            Name = names[id],
            Batch = others.Contains(id) ? OtherBatch : Batch,
        })],
    };

    private static AttendanceMark Mark(SeededSession session, string studentId, MarkStatus status) => new()
    {
        SessionId = session.Id,
        StudentId = studentId,
        Status = status,
        AttemptsUsed = status is MarkStatus.Present or MarkStatus.Late or MarkStatus.Refused ? 1 : 0,
        Similarity = status is MarkStatus.Present or MarkStatus.Late ? 88 : status == MarkStatus.Refused ? 41 : null,
        CreatedAt = session.OpenedAt.AddSeconds(30),
        DecidedAt = session.OpenedAt.AddSeconds(60),
    };
}
