using Rollcall.Faces;

namespace Rollcall.Attendance;

/// <summary>A face check with the session's findings: the grey band's reason and picture, or a look-alike already marked.</summary>
public sealed record Verdict(FaceCheck Check, bool UsesAttempt)
{
    public ReviewReason? Review { get; init; }

    public byte[]? ReviewImage { get; init; }

    public LookAlike? Collusion { get; init; }
}

/// <summary>A student already present whose verified face resembles the clip: the cosine of the two clips' faces.</summary>
public sealed record LookAlike(string StudentId, float Cosine)
{
    /// <summary>On the 0-100 scale of FACE_MATCH_THRESHOLD.</summary>
    public double Similarity => Math.Round(SimilarityScale.FromCosine(Cosine), 1);
}

/// <summary>
/// What a face check means for this check-in, beyond the engine's outcome: a match that looks more like a student
/// already marked present (one person, two IDs) is refused, and an outcome in the grey band goes to the teacher.
/// </summary>
public static class CheckInJudgement
{
    /// <summary>The clip's face to compare with the session's marked students, or null when the look-alike rule does not apply.</summary>
    public static float[]? LookAlikeProbe(FaceCheck check, bool duplicateFaceCheck) =>
        duplicateFaceCheck && check is FaceCheck.Match { Probe: { } probe } ? probe : null;

    /// <summary>
    /// The verdict on <paramref name="check"/>. <paramref name="downloaded"/> is false when the video note could not be
    /// fetched (no attempt used, no review); <paramref name="closest"/> is the marked student whose face is nearest
    /// (see <see cref="LookAlikeProbe"/>); a review's picture is added by the caller.
    /// </summary>
    public static Verdict Judge(FaceCheck check, bool downloaded, LookAlike? closest, bool imprecisePosition, double reviewBand)
    {
        var verdict = new Verdict(check, downloaded && UsesAttempt(check));
        if (check is FaceCheck.Match match && closest is { } other && other.Similarity >= match.Threshold && other.Cosine > match.ProbeCosine)
        {
            return verdict with { Collusion = other };
        }

        return downloaded && ReviewPolicy.Classify(check, imprecisePosition, reviewBand) is { } reason
            ? verdict with { Review = reason }
            : verdict;
    }

    /// <summary>Whether the outcome counts against the student's attempts (a missing or bad ID photo is not their fault).</summary>
    public static bool UsesAttempt(FaceCheck check) => check is not (FaceCheck.NoPhoto or FaceCheck.BadPhoto or FaceCheck.Unchecked);

    /// <summary>
    /// Whether a job claimed for the <paramref name="tries"/>th time without an end (a crash, a hang, a fault of the engine)
    /// is parked rather than run again: a note that kills the decoder must not do it for ever (VERIFY_MAX_TRIES).
    /// </summary>
    public static bool IsParked(int tries, int maxTries) => tries > maxTries;
}
