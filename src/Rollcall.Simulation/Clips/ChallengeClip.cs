using Rollcall.Faces;

namespace Rollcall.Simulation.Clips;

/// <summary>What a challenge clip is, for a challenge: performed (both actions, in order), the wrong order, not performed, or unclear.</summary>
public enum ChallengeTruth
{
    Performed,
    WrongOrder,
    NotPerformed,

    /// <summary>The two actions start together (a laugh): neither order was performed nor refused.</summary>
    Unclear,
}

/// <summary>
/// One clip of the challenge corpus: a listed window, two windows played one after the other (of one person, or of two), or an attack.
/// </summary>
/// <param name="Kind">"window", "joined" (one person), "two people" (the joined windows are of two people), or an attack kind.</param>
/// <param name="Reference">The person's ID photo (a frame from the far end of the recording); null for two people.</param>
public sealed record ChallengeClip(string Kind, string Person, int Side, bool Mirrored, IReadOnlyList<ActionWindow> Parts, string Path, string? Reference)
{
    public bool IsAttack => Parts.Count == 0;

    /// <summary>The actions shown one after another; actions of one window that start together share a step.</summary>
    public IReadOnlyList<IReadOnlyList<ChallengeAction>> Steps =>
        [.. Parts.SelectMany(p => p.Together ? [p.Actions] : p.Actions.Select(a => (IReadOnlyList<ChallengeAction>)[a]))];

    public ChallengeTruth TruthFor(Challenge challenge)
    {
        var first = Steps.ToList().FindIndex(s => s.Contains(challenge.First));
        var second = Steps.ToList().FindIndex(s => s.Contains(challenge.Second));
        if (first < 0 || second < 0)
        {
            return ChallengeTruth.NotPerformed;
        }

        if (first == second)
        {
            return ChallengeTruth.Unclear;
        }

        return first < second ? ChallengeTruth.Performed : ChallengeTruth.WrongOrder;
    }

    public bool Shows(ChallengeAction action) => Parts.Any(p => p.Actions.Contains(action));

    public override string ToString() =>
        $"{Kind} {(IsAttack ? Person : string.Join(" then ", Parts))} {Side}px{(Mirrored ? " mirrored" : "")}";
}
