namespace Rollcall.Faces;

/// <summary>One thing a student can be asked to do while recording; each looks the same in a mirrored recording.</summary>
public enum ChallengeAction
{
    /// <summary>Nothing asked (the half of <see cref="Challenge.None"/>).</summary>
    None,
    Blink,
    Smile,
    OpenMouth,
}

/// <summary>What the bot asks for inside the video note: two different actions, in this order; <see cref="None"/> asks nothing.</summary>
public readonly record struct Challenge(ChallengeAction First, ChallengeAction Second)
{
    public static Challenge None => default;

    public bool IsAsked => First != ChallengeAction.None;

    /// <summary>The stored form: "None" or "Blink,Smile" (at most 16 characters, the job column's width).</summary>
    public override string ToString() => IsAsked ? $"{First},{Second}" : "None";

    /// <summary>The stored form back; anything else (e.g. the old single-action values) is no challenge.</summary>
    public static Challenge Parse(string? text)
    {
        var parts = (text ?? "").Split(',');
        return parts.Length == 2
            && Enum.TryParse<ChallengeAction>(parts[0], ignoreCase: true, out var first) && first != ChallengeAction.None
            && Enum.TryParse<ChallengeAction>(parts[1], ignoreCase: true, out var second) && second != ChallengeAction.None && second != first
            ? new Challenge(first, second)
            : None;
    }
}
