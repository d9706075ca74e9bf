using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Tests.Attendance;

public sealed class MarkDecisionTests
{
    private static readonly AttemptPolicy TwoAttempts = new(1);

    [Fact]
    public void Match_MarksPresent_SubmitsToTheLms_AndKeepsTheFace()
    {
        var change = Verify(MarkState.New, new FaceCheck.Match(90, 0.9, 3, 70), attempt: 1)!;

        Assert.Equal(new MarkState(MarkStatus.Present, 1), change.Next);
        Assert.Equal((AuditAction.Present, "Match, similarity 90.0, attempt 1"), (change.AuditAction, change.AuditDetail));
        Assert.Equal(new ReceiptStatement(Attestation.Present), change.Receipt);
        Assert.True(change.Decided && change.MarksPresent && change.KeepsProbe);
    }

    [Fact]
    public void FailedChecks_UseTheAttempts_ThenTheStudentIsRefused()
    {
        var first = Verify(MarkState.New, new FaceCheck.Mismatch(40, 0.9, 3, 70), attempt: 1)!;
        var second = Verify(first.Next, new FaceCheck.NoFace(), attempt: 2)!;

        Assert.Equal((new MarkState(MarkStatus.Pending, 1, "Mismatch"), AuditAction.AttemptFailed, false), (first.Next, first.AuditAction, first.Decided));
        Assert.Equal(new ReceiptStatement(Attestation.AttemptFailed, "Mismatch", 1), first.Receipt);
        Assert.Equal((new MarkState(MarkStatus.Refused, 2, "NoFace"), AuditAction.Refused, true), (second.Next, second.AuditAction, second.Decided));
        Assert.Equal(new ReceiptStatement(Attestation.Refused, "NoFace"), second.Receipt);
    }

    [Fact]
    public void JobRunTwiceAfterACrash_CountsItsAttemptOnce()
    {
        var once = Verify(MarkState.New, new FaceCheck.Mismatch(40, 0.9, 3, 70), attempt: 1)!;
        var again = Verify(once.Next, new FaceCheck.Mismatch(40, 0.9, 3, 70), attempt: 1)!;

        Assert.Equal(1, again.Next.AttemptsUsed);
    }

    [Fact]
    public void MissingIdPhoto_UsesNoAttempt_AndLeavesTheMark()
    {
        var change = MarkDecision.Decide(MarkState.New, new MarkEvent.Verified(new Verdict(new FaceCheck.NoPhoto(), UsesAttempt: false), 1, TwoAttempts))!;

        Assert.Equal((MarkState.New, AuditAction.NotChecked, false), (change.Next, change.AuditAction, change.Decided));
        Assert.Equal(new ReceiptStatement(Attestation.AttemptFailed, "NoPhoto", 1), change.Receipt);
    }

    [Fact]
    public void LookAlike_IsRefused_WithoutSubmitting()
    {
        var verdict = new Verdict(new FaceCheck.Match(80, 0.9, 3, 70), true) { Collusion = new LookAlike("S-2", 0.7f) };

        var change = MarkDecision.Decide(MarkState.New, new MarkEvent.Verified(verdict, 1, TwoAttempts))!;

        Assert.Equal(new MarkState(MarkStatus.Refused, 1, "collusion:S-2"), change.Next);
        Assert.Equal((AuditAction.RefusedDuplicateFace, "similarity 80.0 to own photo, 100.0 to S-2 (marked present)"), (change.AuditAction, change.AuditDetail));
        Assert.Equal(new ReceiptStatement(Attestation.RefusedLookAlike), change.Receipt);
        Assert.False(change.MarksPresent);
    }

    [Fact]
    public void GreyBand_OpensAReview_WithoutDecidingYet()
    {
        var verdict = new Verdict(new FaceCheck.Mismatch(65, 0.9, 3, 70), true) { Review = ReviewReason.Similarity };

        var change = MarkDecision.Decide(MarkState.New, new MarkEvent.Verified(verdict, 1, TwoAttempts))!;

        Assert.Equal(new MarkState(MarkStatus.InReview, 1, "review:similarity"), change.Next);
        Assert.Equal((ReviewReason.Similarity, false, false), (change.OpensReview, change.Decided, change.KeepsProbe));
        Assert.Equal("similarity: Mismatch, similarity 65.0, attempt 1", change.AuditDetail);
    }

    [Theory]
    [InlineData(MarkStatus.Present)]
    [InlineData(MarkStatus.InReview)]
    public void MarkDecidedAlready_IsLeftAlone(MarkStatus status) =>
        Assert.Null(Verify(new MarkState(status, 1), new FaceCheck.Match(90, 0.9, 3, 70), attempt: 2));

    [Fact]
    public void TeacherApproval_MarksPresent_AndRejectionRefuses()
    {
        var inReview = new MarkState(MarkStatus.InReview, 1, "review:location");

        var approved = MarkDecision.Decide(inReview, new MarkEvent.Reviewed(true, "location", 88))!;
        var rejected = MarkDecision.Decide(inReview, new MarkEvent.Reviewed(false, "location", 88))!;

        Assert.Equal((new MarkState(MarkStatus.Present, 1), AuditAction.ReviewApproved, true, true), (approved.Next, approved.AuditAction, approved.Reviewed, approved.MarksPresent));
        Assert.Equal((new MarkState(MarkStatus.Refused, 1, "rejected in review"), AuditAction.ReviewRejected, true, false), (rejected.Next, rejected.AuditAction, rejected.Reviewed, rejected.MarksPresent));
        Assert.Equal("location, similarity 88.0", approved.AuditDetail);
        Assert.Equal((Attestation.ApprovedByTeacher, Attestation.RejectedByTeacher), (approved.Receipt.Attests, rejected.Receipt.Attests));
    }

    [Fact]
    public void ReviewOpenAtTheReport_IsRefused()
    {
        var change = MarkDecision.Decide(new MarkState(MarkStatus.InReview, 1, "review:liveness"), new MarkEvent.ReviewExpired("liveness"))!;

        Assert.Equal((new MarkState(MarkStatus.Refused, 1, "review expired"), AuditAction.ReviewExpired, "liveness"), (change.Next, change.AuditAction, change.AuditDetail));
        Assert.Equal(new ReceiptStatement(Attestation.NotReviewedInTime), change.Receipt);
    }

    [Fact]
    public void AnotherAttempt_IsAdmittedOnlyWhileAttemptsAreLeftAndNothingIsDecided()
    {
        Assert.Equal(Admission.Open, MarkDecision.Admit(null, TwoAttempts));
        Assert.Equal(Admission.Open, MarkDecision.Admit(new MarkState(MarkStatus.Pending, 1), TwoAttempts));
        Assert.Equal(Admission.NoAttemptsLeft, MarkDecision.Admit(new MarkState(MarkStatus.Refused, 2), TwoAttempts));
        Assert.Equal(Admission.AlreadyPresent, MarkDecision.Admit(new MarkState(MarkStatus.Present, 1), TwoAttempts));
        Assert.Equal(Admission.InReview, MarkDecision.Admit(new MarkState(MarkStatus.InReview, 1), TwoAttempts));
    }

    private static MarkChange? Verify(MarkState mark, FaceCheck check, int attempt) =>
        MarkDecision.Decide(mark, new MarkEvent.Verified(new Verdict(check, CheckInJudgement.UsesAttempt(check)), attempt, TwoAttempts));
}
