using Rollcall.Faces;
using Rollcall.Faces.Video;

namespace Rollcall.Tests.Faces;

/// <summary>The sequence rule and the action detectors on made-up signal tracks (15 samples a second of a 30-fps note).</summary>
public sealed class ChallengeCheckTests
{
    private const double Fps = 30;
    private static readonly Challenge BlinkThenSmile = new(ChallengeAction.Blink, ChallengeAction.Smile);
    private static readonly Challenge SmileThenBlink = new(ChallengeAction.Smile, ChallengeAction.Blink);
    private static readonly Challenge SmileThenOpenMouth = new(ChallengeAction.Smile, ChallengeAction.OpenMouth);

    [Fact]
    public void BlinkThenSmile_PassesBlinkThenSmile_AndNotSmileThenBlink()
    {
        var track = Track(60, blinkAt: 10, smileFrom: 30);

        Assert.Null(ChallengeCheck.Failure(track, Fps, BlinkThenSmile));
        Assert.Equal(ChallengeMiss.Second, ChallengeCheck.Failure(track, Fps, SmileThenBlink));
    }

    [Fact]
    public void ASmileBeforeTheAskedFirstAction_IsTheWrongOrder()
    {
        var track = Track(60, smileFrom: 10, openFrom: 40);

        Assert.Null(ChallengeCheck.Failure(track, Fps, SmileThenOpenMouth));
        Assert.Equal(ChallengeMiss.Order, ChallengeCheck.Failure(track, Fps, new Challenge(ChallengeAction.OpenMouth, ChallengeAction.Smile)));
    }

    [Fact]
    public void ABlinkBeforeTheFirstAction_IsForgiven_WhenTheBlinkComesAgainAfterIt()
    {
        // People blink unasked every few seconds: only a blink asked second may also come first.
        var track = Track(70, blinkAt: 4, smileFrom: 20, secondBlinkAt: 50);

        Assert.Null(ChallengeCheck.Failure(track, Fps, SmileThenBlink));
    }

    [Fact]
    public void NoActionAtAll_MissesTheFirst() =>
        Assert.Equal(ChallengeMiss.First, ChallengeCheck.Failure(Track(60), Fps, BlinkThenSmile));

    [Fact]
    public void ASmileOfASyllable_IsNotASmile()
    {
        // Talking widens the mouth for 0.1-0.2 s; a smile is held.
        var track = Track(60, smileFrom: 20, smileFor: 4);

        Assert.Empty(ActionOnsets.Find(track, Fps, ChallengeAction.Smile));
    }

    [Fact]
    public void EyesShutToTheEnd_AreNotABlink()
    {
        // Open, shut, open: a face whose eyes close and stay closed (a photo of closed eyes, looking down) never reopens.
        var track = Track(60);
        for (var i = 40; i < track.Count; i++)
        {
            track[i] = track[i] with { EyesOpen = 0, EyeAspect = 0.1f };
        }

        Assert.Empty(ActionOnsets.Find(track, Fps, ChallengeAction.Blink));
    }

    [Fact]
    public void OneLowScore_InEyesTheModelNeverReadsOpen_IsNotABlink()
    {
        // A squint or a lowered gaze: the eye model reads the eyes half shut throughout, and one frame lower; they never open and
        // close again (the old rule took the frames around it, not shut by the lids, as open).
        var track = Track(60, blinkAt: 30);
        for (var i = 0; i < track.Count; i++)
        {
            track[i] = track[i].EyesOpen > 0.5f ? track[i] with { EyesOpen = ActionOnsets.EyesShut - 0.1f } : track[i];
        }

        Assert.Empty(ActionOnsets.Find(track, Fps, ChallengeAction.Blink));
    }

    [Fact]
    public void NoChallenge_AlwaysPasses() => Assert.Null(ChallengeCheck.Failure([], Fps, Challenge.None));

    // Every second frame of a 30-fps note: a neutral face (eyes open, mouth closed), with the given actions.
    private static List<FaceSignals> Track(int frames, int blinkAt = -1, int smileFrom = -1, int openFrom = -1, int secondBlinkAt = -1, int smileFor = 20)
    {
        var track = new List<FaceSignals>();
        for (var f = 0; f < frames; f += 2)
        {
            var shut = Near(f, blinkAt) || Near(f, secondBlinkAt);
            var smiling = smileFrom >= 0 && f >= smileFrom && f < smileFrom + smileFor;
            var open = openFrom >= 0 && f >= openFrom && f < openFrom + 20;
            track.Add(new FaceSignals(f, shut ? 0.02f : 0.98f, shut ? 0.15f : 0.3f, open ? 0.4f : 0.02f, smiling ? 0.95f : 0.75f, 0.1f));
        }

        return track;
    }

    private static bool Near(int frame, int at) => at >= 0 && frame >= at && frame < at + 4;
}
