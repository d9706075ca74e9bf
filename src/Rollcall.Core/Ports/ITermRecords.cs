using Rollcall.Term;

namespace Rollcall.Ports;

/// <summary>Attendance over a term, read for the teacher's history, the student's own figures and the exports.</summary>
public interface ITermRecords
{
    /// <summary>The batches and subjects with sessions in the span; only those the teacher held when a teacher is given.</summary>
    Task<IReadOnlyList<TermClass>> ClassesAsync(DateSpan span, long? teacherId, CancellationToken cancellationToken);

    /// <summary>
    /// Every session of the subject with this batch in the span (any teacher's), in the order held, and every student of the
    /// batch on any of their rosters, by student id.
    /// </summary>
    Task<TermSheet> SheetAsync(string batch, string subject, DateSpan span, CancellationToken cancellationToken);

    /// <summary>The sessions in the span that the student was on the roster of, with their marks.</summary>
    Task<IReadOnlyList<StudentSession>> StudentSessionsAsync(string studentId, DateSpan span, CancellationToken cancellationToken);
}
