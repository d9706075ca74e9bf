using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Tests.Attendance;

public sealed class CheckInJudgementTests
{
    private static readonly float[] Face = [0.6f, 0.8f];

    [Fact]
    public void MissingIdPhoto_UsesNoAttempt() => Assert.False(CheckInJudgement.UsesAttempt(new FaceCheck.NoPhoto()));

    [Fact]
    public void Match_CloserToAMarkedStudentThanToTheOwnPhoto_IsALookAlike()
    {
        var match = new FaceCheck.Match(75, 0.9, 3, 70) { Probe = Face, ProbeCosine = 0.45f };
        var other = new LookAlike("S-2", 0.9f);

        var verdict = CheckInJudgement.Judge(match, downloaded: true, other, imprecisePosition: false, reviewBand: 10);

        Assert.Equal(other, verdict.Collusion);
        Assert.Null(verdict.Review);
    }

    [Fact]
    public void LookAlike_BelowTheThreshold_OrFartherThanTheOwnPhoto_IsNot()
    {
        var match = new FaceCheck.Match(95, 0.9, 3, 70) { Probe = Face, ProbeCosine = 0.65f };

        Assert.Null(CheckInJudgement.Judge(match, true, new LookAlike("S-2", 0.3f), false, 10).Collusion);
        Assert.Null(CheckInJudgement.Judge(match, true, new LookAlike("S-2", 0.6f), false, 10).Collusion);
    }

    [Fact]
    public void LookAlikeRule_NeedsTheSettingAndAProbe()
    {
        Assert.Equal(Face, CheckInJudgement.LookAlikeProbe(new FaceCheck.Match(90, 0.9, 3, 70) { Probe = Face }, duplicateFaceCheck: true));
        Assert.Null(CheckInJudgement.LookAlikeProbe(new FaceCheck.Match(90, 0.9, 3, 70) { Probe = Face }, duplicateFaceCheck: false));
        Assert.Null(CheckInJudgement.LookAlikeProbe(new FaceCheck.Match(90, 0.9, 3, 70), duplicateFaceCheck: true));
    }

    [Fact]
    public void GreyBandMismatch_GoesToReview_UnlessTheNoteCouldNotBeFetched()
    {
        var mismatch = new FaceCheck.Mismatch(65, 0.9, 3, 70);

        var reviewed = CheckInJudgement.Judge(mismatch, downloaded: true, null, false, 10);
        var unfetched = CheckInJudgement.Judge(mismatch, downloaded: false, null, false, 10);

        Assert.Equal((ReviewReason.Similarity, true), (reviewed.Review, reviewed.UsesAttempt));
        Assert.Equal((null, false), (unfetched.Review, unfetched.UsesAttempt));
    }
}
