using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Tests.Attendance;

public sealed class ReviewPolicyTests
{
    [Theory]
    [InlineData(69.9, ReviewReason.Similarity)]
    [InlineData(60.0, ReviewReason.Similarity)]
    [InlineData(59.9, null)]
    public void Mismatch_WithinTheBandBelowTheThreshold_GoesToReview(double score, ReviewReason? expected) =>
        Assert.Equal(expected, ReviewPolicy.Classify(new FaceCheck.Mismatch(score, 0.9, 3, 70), imprecisePosition: false, band: 10));

    [Fact]
    public void DoubtfulLiveness_GoesToReview_AClearReplayDoesNot()
    {
        Assert.Equal(ReviewReason.Liveness, ReviewPolicy.Classify(new FaceCheck.NotLive(90, 0.9, "flat") { Doubtful = true }, false, 10));
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.NotLive(90, 0.9, "flat"), false, 10));
    }

    [Fact]
    public void Match_FromAnImpreciseLocation_GoesToReview()
    {
        Assert.Equal(ReviewReason.Location, ReviewPolicy.Classify(new FaceCheck.Match(90, 0.9, 3, 70), imprecisePosition: true, 10));
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.Match(90, 0.9, 3, 70), imprecisePosition: false, 10));
    }

    [Fact]
    public void BandZero_TurnsReviewOff_AndOtherFailuresNeverGo()
    {
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.Mismatch(69, 0.9, 3, 70), false, 0));
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.Match(90, 0.9, 3, 70), true, 0));
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.NoFace(), true, 10));
        Assert.Null(ReviewPolicy.Classify(new FaceCheck.ChallengeFailed(90, new Challenge(ChallengeAction.Blink, ChallengeAction.Smile), ChallengeMiss.First), false, 10));
    }
}
