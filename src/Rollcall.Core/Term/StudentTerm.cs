using Rollcall.Attendance;

namespace Rollcall.Term;

/// <summary>A session a student was on the roster of, with their mark (null: never checked in).</summary>
public sealed record StudentSession(Guid SessionId, string Subject, string Batch, DateOnly Date, DateTimeOffset OpenedAt, MarkStatus? Status);

/// <summary>A student's standing in one subject, and their latest sessions of it, newest first.</summary>
public sealed record SubjectStanding(string Subject, AttendanceFigures Figures, bool Below, IReadOnlyList<StudentSession> Latest);

/// <summary>A student's own view of a term: one standing per subject, by subject name.</summary>
public static class StudentTerm
{
    public static IReadOnlyList<SubjectStanding> BySubject(IEnumerable<StudentSession> sessions, AttendanceRule rule, int latest)
    {
        return [.. sessions
            .GroupBy(s => s.Subject, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var figures = rule.Tally(g.Select(s => s.Status));
                return new SubjectStanding(g.Key, figures, rule.IsBelow(figures), [.. g.OrderByDescending(s => s.OpenedAt).Take(latest)]);
            })];
    }
}
