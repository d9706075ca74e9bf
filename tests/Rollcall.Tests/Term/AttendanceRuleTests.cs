using Rollcall.Attendance;

namespace Rollcall.Tests.Term;

public sealed class AttendanceRuleTests
{
    private static readonly AttendanceRule Rule = AttendanceRule.Default;

    [Theory]
    [InlineData(MarkStatus.Present, SessionCount.Attended)]
    [InlineData(MarkStatus.Late, SessionCount.Attended)]
    [InlineData(MarkStatus.Excused, SessionCount.Excluded)]
    [InlineData(MarkStatus.Absent, SessionCount.Absent)]
    [InlineData(MarkStatus.Refused, SessionCount.Absent)]
    [InlineData(MarkStatus.InReview, SessionCount.Absent)]
    [InlineData(MarkStatus.Pending, SessionCount.Absent)]
    [InlineData(null, SessionCount.Absent)]
    public void ByDefault_LateIsAttended_ExcusedIsLeftOut_TheRestIsAbsent(MarkStatus? status, SessionCount expected) =>
        Assert.Equal(expected, Rule.Count(status));

    [Fact]
    public void Tally_CountsLateAsAttended_AndLeavesExcusedOutOfHeld()
    {
        MarkStatus?[] term = [MarkStatus.Present, MarkStatus.Late, MarkStatus.Excused, MarkStatus.Refused, null];

        var figures = Rule.Tally(term);

        Assert.Equal(new AttendanceFigures(2, 4), figures);
        Assert.Equal(50.0, figures.Percent);
    }

    [Fact]
    public void TheRuleIsConfigurable_LateAsAbsent_ExcusedAsAttended()
    {
        var strict = new AttendanceRule(SessionCount.Absent, SessionCount.Attended, 75);
        MarkStatus?[] term = [MarkStatus.Present, MarkStatus.Late, MarkStatus.Excused, null];

        Assert.Equal(new AttendanceFigures(2, 4), strict.Tally(term));
    }

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(3, 4, false)]
    [InlineData(74, 99, true)]
    [InlineData(0, 0, false)]
    public void Below_IsStrictlyUnderTheThreshold_AndNeverWithNothingHeld(int attended, int held, bool below) =>
        Assert.Equal(below, Rule.IsBelow(new AttendanceFigures(attended, held)));

    [Fact]
    public void Percent_IsNullWhileNoSessionIsHeld()
    {
        Assert.Null(new AttendanceFigures(0, 0).Percent);
        Assert.Null(Rule.Tally([MarkStatus.Excused]).Percent);
    }
}
