namespace Rollcall.Faces.Video;

/// <summary>
/// Whether a note shows the asked actions in their order, from the face's moving parts frame by frame (<see cref="FaceSignals"/>).
/// Every action reads the same mirrored or not.
/// </summary>
public static class ChallengeCheck
{
    /// <summary>Null when both actions were seen in order, else which part was not.</summary>
    public static ChallengeMiss? Failure(IReadOnlyList<FaceSignals> signals, double fps, Challenge challenge)
    {
        if (!challenge.IsAsked)
        {
            return null;
        }

        var first = ActionOnsets.Find(signals, fps, challenge.First);
        var second = ActionOnsets.Find(signals, fps, challenge.Second);
        if (first.Count == 0)
        {
            return second.Count > 0 && challenge.Second != ChallengeAction.Blink ? ChallengeMiss.Order : ChallengeMiss.First;
        }

        // The second action may not come first; only a blink, which people do unasked every few seconds, may also come before.
        if (challenge.Second != ChallengeAction.Blink && second.Count > 0 && second[0] < first[0])
        {
            return ChallengeMiss.Order;
        }

        foreach (var onset in second)
        {
            if (onset > first[0])
            {
                return null;
            }
        }

        return ChallengeMiss.Second;
    }
}
