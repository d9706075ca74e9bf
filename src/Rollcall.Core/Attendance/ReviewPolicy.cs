using Rollcall.Faces;

namespace Rollcall.Attendance;

/// <summary>Why a check-in goes to the teacher instead of being decided by the machine.</summary>
public enum ReviewReason
{
    /// <summary>Similarity within REVIEW_BAND points below the threshold.</summary>
    Similarity,

    /// <summary>The face matched but the liveness checks had doubts.</summary>
    Liveness,

    /// <summary>The face matched but the location was too imprecise to prove presence.</summary>
    Location,

    /// <summary>The engine could not check the note however often it tried: only a person can decide.</summary>
    Unchecked,
}

/// <summary>The grey band: outcomes a person should look at rather than the machine refusing them silently.</summary>
public static class ReviewPolicy
{
    /// <summary>
    /// The reason to ask the teacher, or null when the machine's outcome stands. A mismatch is measured against the
    /// threshold it was judged by; <paramref name="band"/> (REVIEW_BAND) 0 turns review off.
    /// </summary>
    public static ReviewReason? Classify(FaceCheck check, bool imprecisePosition, double band)
    {
        // Not a grey band: a parked note has no machine outcome at all, so it goes to the teacher even with review off.
        if (check is FaceCheck.Unchecked)
        {
            return ReviewReason.Unchecked;
        }

        if (band <= 0)
        {
            return null;
        }

        return check switch
        {
            FaceCheck.Mismatch m when m.Score >= m.Threshold - band => ReviewReason.Similarity,
            FaceCheck.NotLive { Doubtful: true } => ReviewReason.Liveness,
            FaceCheck.Match when imprecisePosition => ReviewReason.Location,
            _ => null,
        };
    }

    /// <summary>The reason as stored and audited: <c>similarity</c>, <c>liveness</c>, <c>location</c> or <c>unchecked</c>.</summary>
    public static string NameOf(ReviewReason reason) => reason switch
    {
        ReviewReason.Similarity => "similarity",
        ReviewReason.Liveness => "liveness",
        ReviewReason.Unchecked => "unchecked",
        _ => "location",
    };
}
