namespace Rollcall.Faces;

/// <summary>Which challenge an attempt asks for: every ordered pair of two different actions, drawn at random.</summary>
public static class ChallengePick
{
    /// <summary>The actions a challenge is made of: those measured on recordings of real people (see the faces README).</summary>
    public static IReadOnlyList<ChallengeAction> Actions { get; } = [ChallengeAction.Blink, ChallengeAction.Smile, ChallengeAction.OpenMouth];

    /// <summary>Every challenge that can be asked: 3 actions give 6 ordered pairs.</summary>
    public static IReadOnlyList<Challenge> All { get; } =
        [.. Actions.SelectMany(first => Actions.Where(second => second != first).Select(second => new Challenge(first, second)))];

    /// <summary>
    /// The challenge for <paramref name="draw"/> (uniform in [0, 1), from an injected random source), never the one the previous
    /// attempt asked, so a retry is asked something new.
    /// </summary>
    public static Challenge Pick(double draw, Challenge previous)
    {
        var count = previous.IsAsked && All.Contains(previous) ? All.Count - 1 : All.Count;
        var index = Math.Clamp((int)(draw * count), 0, count - 1);
        foreach (var challenge in All)
        {
            if (challenge == previous)
            {
                continue;
            }

            if (index-- == 0)
            {
                return challenge;
            }
        }

        return All[0];
    }
}
