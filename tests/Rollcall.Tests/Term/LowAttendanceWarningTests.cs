using Rollcall.Attendance;

namespace Rollcall.Tests.Term;

public sealed class LowAttendanceWarningTests
{
    [Theory]
    [InlineData(false, false, WarningStep.None)]
    [InlineData(false, true, WarningStep.Warn)]
    [InlineData(true, true, WarningStep.None)]
    [InlineData(true, false, WarningStep.Clear)]
    public void Next_WarnsOnTheFall_ClearsOnTheWayBack(bool warned, bool below, WarningStep expected) =>
        Assert.Equal(expected, LowAttendanceWarning.Next(warned, below));

    [Fact]
    public void AStudentIsToldOncePerFall()
    {
        var rule = AttendanceRule.Default;
        var marks = new List<MarkStatus?>();
        var warned = false;
        var told = new List<int>();
        MarkStatus?[] term =
        [
            MarkStatus.Present, MarkStatus.Present, MarkStatus.Present, null, // 75 %: not below
            null, // 60 %: falls below, told
            null, // 50 %: still below, not told again
            MarkStatus.Present, MarkStatus.Present, MarkStatus.Present, MarkStatus.Present, MarkStatus.Present, // up to 8 of 11: still below
            MarkStatus.Present, // 9 of 12 = 75 %: back, the warning is cleared
            null, // 9 of 13: falls again, told again
        ];

        for (var i = 0; i < term.Length; i++)
        {
            marks.Add(term[i]);
            var step = LowAttendanceWarning.Next(warned, rule.IsBelow(rule.Tally(marks)));
            warned = step switch { WarningStep.Warn => true, WarningStep.Clear => false, _ => warned };
            if (step == WarningStep.Warn)
            {
                told.Add(i);
            }
        }

        Assert.Equal([4, 12], told);
    }

    [Theory]
    [InlineData(0, 1, 5, false)]
    [InlineData(2, 4, 5, false)]
    [InlineData(3, 5, 5, true)]
    [InlineData(0, 1, 1, true)]
    [InlineData(4, 5, 5, false)]
    public void Below_CountsOnlyOnceEnoughSessionsAreHeld(int attended, int held, int minimum, bool below) =>
        Assert.Equal(below, LowAttendanceWarning.Below(AttendanceRule.Default, new AttendanceFigures(attended, held), minimum));
}
