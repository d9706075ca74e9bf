using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Tests.Faces;

/// <summary>The temporal motion check and the challenge in the decision, on made-up evidence of a matching, passively live face.</summary>
public sealed class FaceDecisionTests
{
    private static readonly Challenge SmileThenBlink = new(ChallengeAction.Smile, ChallengeAction.Blink);
    private static readonly FaceOptions Options = new();

    [Fact]
    public void AStillFace_WithoutAChallenge_IsNotLive()
    {
        var (evidence, reference) = Evidence(motion: Options.LivenessMinMotion - 2, smileAndBlink: true);

        Assert.IsType<FaceCheck.NotLive>(FaceDecision.Decide(evidence, reference, Challenge.None, Options));
    }

    [Fact]
    public void AStillFace_ThatPerformsTheAskedChallenge_Matches()
    {
        // The challenge's actions are the non-rigid motion the motion check looks for: a student who sits still still performs them.
        var (evidence, reference) = Evidence(motion: Options.LivenessMinMotion - 2, smileAndBlink: true);

        Assert.IsType<FaceCheck.Match>(FaceDecision.Decide(evidence, reference, SmileThenBlink, Options));
    }

    [Fact]
    public void AStillFace_ThatDoesNotPerformIt_FailsTheChallenge()
    {
        var (evidence, reference) = Evidence(motion: Options.LivenessMinMotion - 2, smileAndBlink: false);

        Assert.Equal(ChallengeMiss.First, Assert.IsType<FaceCheck.ChallengeFailed>(FaceDecision.Decide(evidence, reference, SmileThenBlink, Options)).Miss);
    }

    [Fact]
    public void TheAntiSpoofModel_StillApplies_WithAChallenge()
    {
        var (evidence, reference) = Evidence(motion: Options.LivenessMinMotion + 5, smileAndBlink: true);

        var check = FaceDecision.Decide(evidence with { PassiveLiveness = Options.LivenessMinScore / 2 }, reference, SmileThenBlink, Options);

        Assert.IsType<FaceCheck.NotLive>(check);
    }

    // Two frames' embeddings equal to the reference; every second frame of a 30-fps note, a smile over frames 10-29 and a blink at 40.
    private static (VideoEvidence Evidence, float[] Reference) Evidence(double motion, bool smileAndBlink)
    {
        var reference = new float[FaceEngine.EmbeddingSize];
        reference[0] = 1;
        var signals = new List<FaceSignals>();
        for (var f = 0; f < 60; f += 2)
        {
            var smiling = smileAndBlink && f is >= 10 and < 30;
            var shut = smileAndBlink && f is >= 40 and < 44;
            signals.Add(new FaceSignals(f, shut ? 0.02f : 0.98f, shut ? 0.15f : 0.3f, 0.02f, smiling ? 0.95f : 0.75f, 0.1f));
        }

        var evidence = new VideoEvidence(null, [], [reference, reference], 0.9, new TemporalMotion(1, motion, 15), new StageTimes(0, 0, 0, 0))
        {
            Signals = signals,
            Fps = 30,
        };
        return (evidence, reference);
    }
}
