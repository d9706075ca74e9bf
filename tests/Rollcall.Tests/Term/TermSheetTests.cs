using Rollcall.Attendance;
using Rollcall.Term;

namespace Rollcall.Tests.Term;

public sealed class TermSheetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 3, 30, 0, TimeSpan.Zero);

    private static TermCell On(MarkStatus? status) => new(true, status);

    [Fact]
    public void Below_ListsOnlyStudentsUnderTheThreshold_LowestFirst_CountingOnlyTheirRosteredSessions()
    {
        TermSession[] sessions = [.. Enumerable.Range(0, 4).Select(i => new TermSession(Guid.NewGuid(), DateOnly.FromDateTime(Start.AddDays(i).Date), Start.AddDays(i)))];
        var sheet = new TermSheet("CS-A", "Python", new DateSpan(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), sessions,
        [
            new("S1", "Asha", [On(MarkStatus.Present), On(MarkStatus.Late), On(MarkStatus.Present), On(null)]), // 75 %
            new("S2", "Ben", [On(null), On(MarkStatus.Present), On(MarkStatus.Refused), On(MarkStatus.Excused)]), // 1 of 3
            new("S3", "Chitra", [On(MarkStatus.Present), On(null), On(null), On(MarkStatus.Present)]), // 50 %
            new("S4", "Dev", [TermCell.NotRostered, TermCell.NotRostered, On(MarkStatus.Present), On(MarkStatus.Present)]), // joined late: 100 %
        ]);

        var below = sheet.Below(AttendanceRule.Default);

        Assert.Equal(["S2", "S3"], below.Select(s => s.Student.StudentId));
        Assert.Equal(new AttendanceFigures(1, 3), below[0].Figures);
        Assert.Equal(new AttendanceFigures(2, 2), sheet.Standings(AttendanceRule.Default)[3].Figures);
        Assert.Equal(new AttendanceFigures(3, 4), sheet.Standings(AttendanceRule.Default)[0].Figures);
    }

    [Fact]
    public void StudentTerm_GivesOneStandingPerSubject_WithTheLatestSessionsFirst()
    {
        StudentSession Session(string subject, int day, MarkStatus? status) =>
            new(Guid.NewGuid(), subject, "CS-A", DateOnly.FromDateTime(Start.AddDays(day).Date), Start.AddDays(day), status);

        var standings = StudentTerm.BySubject(
        [
            Session("Python", 0, MarkStatus.Present), Session("Maths", 1, null), Session("Python", 2, null),
            Session("Python", 3, MarkStatus.Late), Session("Maths", 4, MarkStatus.Present), Session("Python", 5, null),
        ], AttendanceRule.Default, latest: 2);

        Assert.Equal(["Maths", "Python"], standings.Select(s => s.Subject));
        Assert.Equal(new AttendanceFigures(1, 2), standings[0].Figures);
        Assert.Equal(new AttendanceFigures(2, 4), standings[1].Figures);
        Assert.True(standings[1].Below);
        Assert.Equal([Start.AddDays(5), Start.AddDays(3)], standings[1].Latest.Select(s => s.OpenedAt));
    }
}
