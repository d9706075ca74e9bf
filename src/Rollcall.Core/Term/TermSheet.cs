using Rollcall.Attendance;

namespace Rollcall.Term;

/// <summary>A batch and subject that held sessions, with how many.</summary>
public sealed record TermClass(string Batch, string Subject, int Sessions);

/// <summary>One session of a term, in the order held.</summary>
public sealed record TermSession(Guid Id, DateOnly Date, DateTimeOffset OpenedAt);

/// <summary>
/// One student in one session: <see cref="Rostered"/> is false when the student was not on that session's roster (enrolled
/// later, or left), so the session does not count for them; <see cref="Status"/> is null when they never checked in.
/// </summary>
public readonly record struct TermCell(bool Rostered, MarkStatus? Status)
{
    public static TermCell NotRostered => new(false, null);
}

/// <summary>A student of the batch, with one cell per session of the sheet, in the sheet's order.</summary>
public sealed record TermStudent(string StudentId, string Name, IReadOnlyList<TermCell> Cells)
{
    public AttendanceFigures Figures(AttendanceRule rule) => rule.Tally(Cells.Where(c => c.Rostered).Select(c => c.Status));
}

/// <summary>A batch and subject over a span: the sessions held and every student's mark in each.</summary>
public sealed record TermSheet(string Batch, string Subject, DateSpan Span, IReadOnlyList<TermSession> Sessions, IReadOnlyList<TermStudent> Students)
{
    /// <summary>Every student's figures, in the sheet's order (by student id).</summary>
    public IReadOnlyList<StudentStanding> Standings(AttendanceRule rule) =>
        [.. Students.Select(s => StudentStanding.Of(s, rule))];

    /// <summary>The students under the threshold, lowest first.</summary>
    public IReadOnlyList<StudentStanding> Below(AttendanceRule rule) =>
        [.. Standings(rule).Where(s => s.Below).OrderBy(s => s.Figures.Percent).ThenBy(s => s.Student.StudentId, StringComparer.Ordinal)];
}

/// <summary>A student's figures over a sheet and whether they are under the threshold.</summary>
public sealed record StudentStanding(TermStudent Student, AttendanceFigures Figures, bool Below)
{
    public static StudentStanding Of(TermStudent student, AttendanceRule rule)
    {
        var figures = student.Figures(rule);
        return new StudentStanding(student, figures, rule.IsBelow(figures));
    }
}
