using Rollcall.Attendance;
using Rollcall.Storage;
using Rollcall.Storage.Entities;

namespace Rollcall.IntegrationTests.Support;

/// <summary>Rows for storage tests: a teacher, a session with its roster, a present mark.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static async Task<long> AddTeacherAsync(RollcallDatabase database, string phone = "919876543210")
    {
        await using var db = database.CreateContext();
        var teacher = new Teacher { Name = "T", Phone = phone, PhoneKey = phone, CreatedAt = Now };
        db.Teachers.Add(teacher);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return teacher.Id;
    }

    public static Task<Guid> AddSessionAsync(RollcallDatabase database, long teacherId, string otp, string batch, params string[] students) =>
        AddSessionAsync(database, teacherId, otp, batch, new DateOnly(2026, 11, 28), students);

    /// <summary>A Python session of <paramref name="batch"/> on <paramref name="date"/> with <paramref name="students"/> (S-1 when none).</summary>
    public static async Task<Guid> AddSessionAsync(RollcallDatabase database, long teacherId, string otp, string batch, DateOnly date, params string[] students)
    {
        await using var db = database.CreateContext();
        var id = Guid.NewGuid();
        db.Sessions.Add(new AttendanceSessionRow
        {
            Id = id,
            TeacherId = teacherId,
            Otp = otp,
            OtpSlot = otp,
            Subject = "Python",
            Date = date,
            CreatedAt = Now,
            ExpiresAt = Now.AddSeconds(120),
            GraceEndsAt = Now.AddSeconds(120),
            ReportDueAt = Now.AddSeconds(135),
            Batches = [new SessionBatch { SessionId = id, TeacherId = teacherId, Batch = batch, Subject = "Python", Date = date }],
            Students = (students.Length == 0 ? ["S-1"] : students).Select(s => new SessionStudent { SessionId = id, StudentId = s, Name = "Student " + s, Batch = batch }).ToList(),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }

    public static async Task AddMarkAsync(RollcallDatabase database, Guid sessionId, string studentId = "S-1")
    {
        await using var db = database.CreateContext();
        db.Marks.Add(new AttendanceMark { SessionId = sessionId, StudentId = studentId, Status = MarkStatus.Present, CreatedAt = Now });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
