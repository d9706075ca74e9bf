using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Tests.Attendance;

/// <summary>The teacher's corrections in the mark's state machine: a status set, attempts given back, and a late check-in.</summary>
public sealed class TeacherMarkDecisionTests
{
    private static readonly AttemptPolicy TwoAttempts = new(1);

    [Fact]
    public void TeacherSetsPresent_OverARefusal_GoesToTheLms_WithoutBinding_AndTellsTheStudent()
    {
        var refused = new MarkState(MarkStatus.Refused, 2, "Mismatch");

        var change = MarkDecision.Decide(refused, new MarkEvent.TeacherSet(MarkStatus.Present, "roll", "GPS drift indoors"))!;

        Assert.Equal(new MarkState(MarkStatus.Present, 2, "teacher: roll", SetByTeacher: true), change.Next);
        Assert.Equal((AuditAction.TeacherSet, "present, was refused; roll; remark: GPS drift indoors"), (change.AuditAction, change.AuditDetail));
        Assert.Equal(new ReceiptStatement(Attestation.SetByTeacher, "present"), change.Receipt);
        Assert.True(change.Decided && change.SendsToLms && change.SetByTeacher && change.Notifies);
        Assert.False(change.MarksPresent, "a binding comes from a verified face only");
        Assert.Equal("GPS drift indoors", change.Remark);
    }

    [Fact]
    public void TeacherSetsTheSameStatusAgain_ChangesTheRemarkOnly_AndTheStudentHearsNothing()
    {
        var late = new MarkState(MarkStatus.Late, 0, "teacher: roll", SetByTeacher: true);

        var change = MarkDecision.Decide(late, new MarkEvent.TeacherSet(MarkStatus.Late, "remark", "bus"))!;

        Assert.Equal(("late, was late (teacher); remark; remark: bus", false), (change.AuditDetail, change.Notifies));
    }

    [Theory]
    [InlineData(MarkStatus.Pending)]
    [InlineData(MarkStatus.InReview)]
    [InlineData(MarkStatus.Refused)]
    public void Teacher_SetsOnlyPresentLateExcusedOrAbsent(MarkStatus status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MarkDecision.Decide(MarkState.New, new MarkEvent.TeacherSet(status, "roll")));

    [Fact]
    public void TeachersMark_IsFinal_ForTheMachine()
    {
        var excused = new MarkState(MarkStatus.Excused, 0, "teacher: roll", SetByTeacher: true);

        Assert.Equal(Admission.SetByTeacher, MarkDecision.Admit(excused, TwoAttempts));
        Assert.Null(MarkDecision.Decide(excused, new MarkEvent.Verified(new Verdict(new FaceCheck.Match(90, 0.9, 3, 70), true), 1, TwoAttempts)));
        Assert.Equal(Admission.AlreadyPresent, MarkDecision.Admit(new MarkState(MarkStatus.Late, 1), TwoAttempts));
    }

    [Fact]
    public void AttemptsReset_OpensTheCheckInAgain_ForARefusedStudent()
    {
        var change = MarkDecision.Decide(new MarkState(MarkStatus.Refused, 2, "NoFace"), new MarkEvent.AttemptsReset("notice"))!;

        Assert.Equal(MarkState.New, change.Next);
        Assert.Equal((AuditAction.AttemptsReset, "was refused, 2 attempt(s) used; notice"), (change.AuditAction, change.AuditDetail));
        Assert.Equal(new ReceiptStatement(Attestation.AttemptsReset), change.Receipt);
        Assert.True(change.Reopens && change.Notifies);
        Assert.False(change.Decided);
        Assert.Equal(Admission.Open, MarkDecision.Admit(change.Next, TwoAttempts));
    }

    [Theory]
    [InlineData(MarkStatus.Present)]
    [InlineData(MarkStatus.Late)]
    [InlineData(MarkStatus.InReview)]
    public void AttemptsReset_ForAStudentInClassOrInReview_ChangesNothing(MarkStatus status) =>
        Assert.Null(MarkDecision.Decide(new MarkState(status, 1), new MarkEvent.AttemptsReset("roll")));

    [Fact]
    public void AttemptsReset_AfterTheTeachersAbsent_TakesItBackFromTheLms()
    {
        var change = MarkDecision.Decide(new MarkState(MarkStatus.Absent, 0, "teacher: roll", SetByTeacher: true), new MarkEvent.AttemptsReset("roll"))!;

        Assert.True(change.SendsToLms);
    }

    [Fact]
    public void MatchAfterLateAfterMinutes_IsLate_AndStillBindsAndSubmits()
    {
        var verified = new MarkEvent.Verified(new Verdict(new FaceCheck.Match(90, 0.9, 3, 70), true), 1, TwoAttempts) { Late = true };

        var change = MarkDecision.Decide(MarkState.New, verified)!;

        Assert.Equal((MarkStatus.Late, AuditAction.Late, Attestation.Late), (change.Next.Status, change.AuditAction, change.Receipt.Attests));
        Assert.True(change.MarksPresent && change.Decided);
    }

    [Fact]
    public void ApprovalOfALateCheckIn_IsLate()
    {
        var change = MarkDecision.Decide(new MarkState(MarkStatus.InReview, 1), new MarkEvent.Reviewed(true, "location", 80) { Late = true })!;

        Assert.Equal(MarkStatus.Late, change.Next.Status);
    }
}
