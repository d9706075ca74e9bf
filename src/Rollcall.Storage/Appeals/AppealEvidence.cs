using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;

namespace Rollcall.Storage.Appeals;

/// <summary>
/// What the decision appealed against was made on: the mark's reason, similarity and time, the check-in's distance, and
/// the ID photo beside the frame while MEDIA_RETENTION keeps it (null otherwise).
/// </summary>
public sealed record AppealEvidence(
    long TeacherChatId, string StudentId, string StudentName, string Subject, DateOnly Date, string Decision, MarkStatus Status, string? Reason,
    double? Similarity, double? DistanceMetres, double? AccuracyMetres, DateTimeOffset? DecidedAt, byte[]? Image)
{
    internal static async Task<AppealEvidence> LoadAsync(RollcallDb db, Guid sessionId, string studentId, string decision, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.TeacherChatId, s.Subject, s.Date })
            .SingleAsync(cancellationToken);
        var name = await db.SessionStudents.Where(s => s.SessionId == sessionId && s.StudentId == studentId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var mark = await db.Marks.AsNoTracking().SingleOrDefaultAsync(m => m.SessionId == sessionId && m.StudentId == studentId, cancellationToken);
        var place = await db.VerificationJobs.AsNoTracking().Where(j => j.SessionId == sessionId && j.StudentId == studentId)
            .OrderByDescending(j => j.Attempt).Select(j => new { j.DistanceMetres, j.AccuracyMetres }).FirstOrDefaultAsync(cancellationToken);

        // The review keeps its distance after the report's cleanup removed the jobs, and its picture while MEDIA_RETENTION keeps it.
        var review = await db.Reviews.AsNoTracking().Where(r => r.SessionId == sessionId && r.StudentId == studentId)
            .OrderByDescending(r => r.CreatedAt).Select(r => new { r.DistanceMetres, r.AccuracyMetres, r.Image }).FirstOrDefaultAsync(cancellationToken);
        var (distance, accuracy) = place?.DistanceMetres is not null ? (place.DistanceMetres, place.AccuracyMetres) : (review?.DistanceMetres, review?.AccuracyMetres);
        return new AppealEvidence(session.TeacherChatId, studentId, name ?? "", session.Subject, session.Date, decision, mark?.Status ?? MarkStatus.Absent,
            mark?.Reason, mark?.Similarity, distance, accuracy, mark?.DecidedAt, review?.Image);
    }
}
