using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Tests.Attendance;

/// <summary>A note the engine failed on every try: parked, no attempt, and always the teacher's to decide.</summary>
public sealed class ParkedNoteTests
{
    private static readonly AttemptPolicy TwoAttempts = new(2);

    [Theory]
    [InlineData(1, 5, false)]
    [InlineData(5, 5, false)]
    [InlineData(6, 5, true)]
    [InlineData(2, 1, true)]
    public void IsParked_OnlyPastTheMaximum(int tries, int maxTries, bool parked) =>
        Assert.Equal(parked, CheckInJudgement.IsParked(tries, maxTries));

    [Fact]
    public void UncheckedNote_GoesToTheTeacher_EvenWithReviewOff_AndUsesNoAttempt()
    {
        var verdict = CheckInJudgement.Judge(new FaceCheck.Unchecked(5), downloaded: true, closest: null, imprecisePosition: false, reviewBand: 0);

        var change = MarkDecision.Decide(MarkState.New, new MarkEvent.Verified(verdict, 1, TwoAttempts))!;

        Assert.Equal((false, ReviewReason.Unchecked), (verdict.UsesAttempt, verdict.Review));
        Assert.Equal((MarkStatus.InReview, 0, ReviewReason.Unchecked), (change.Next.Status, change.Next.AttemptsUsed, change.OpensReview));
        Assert.Equal("unchecked", ReviewPolicy.NameOf(ReviewReason.Unchecked));
    }
}
