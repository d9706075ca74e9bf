using Rollcall.Attendance;
using Rollcall.Term;

namespace Rollcall.Tests.Term;

/// <summary>A small hand-made sheet whose figures can be counted by eye.</summary>
internal static class TermSheets
{
    public static readonly DateTimeOffset First = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    public static TermSheet Small(string secondName = "Ben, Jr")
    {
        TermSession[] sessions = [.. Enumerable.Range(0, 4).Select(i => new TermSession(Guid.NewGuid(), new DateOnly(2026, 11, 2 + i), First.AddDays(i)))];
        return new TermSheet("CS-A", "Python", new DateSpan(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), sessions,
        [
            new("S1", "Asha", [On(MarkStatus.Present), On(MarkStatus.Late), On(MarkStatus.Excused), On(MarkStatus.InReview)]),
            new("S2", secondName, [On(null), On(MarkStatus.Refused), On(MarkStatus.Absent), On(MarkStatus.Present)]),
            new("S3", "Chitra", [TermCell.NotRostered, TermCell.NotRostered, On(MarkStatus.Excused), On(MarkStatus.Excused)]),
        ]);
    }

    public static TermCell On(MarkStatus? status) => new(true, status);
}
