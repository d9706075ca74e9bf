using Rollcall.Faces.Video;

namespace Rollcall.Faces;

/// <summary>Turns the evidence from a video note and the reference embedding into a FaceCheck.</summary>
public static class FaceDecision
{
    public static FaceCheck Decide(VideoEvidence evidence, ReadOnlySpan<float> reference, ChallengeKind challenge, FaceOptions options)
    {
        if (evidence.Rejection is not null)
        {
            return evidence.Rejection;
        }

        var score = Math.Round(evidence.SimilarityTo(reference), 1);
        var liveness = Math.Round(evidence.PassiveLiveness, 3);
        var frames = evidence.Embeddings.Count;
        if (frames == 0)
        {
            return new FaceCheck.NoFace();
        }

        if (score < options.MatchThreshold)
        {
            return new FaceCheck.Mismatch(score, liveness, frames);
        }

        if (options.LivenessRequired)
        {
            if (evidence.PassiveLiveness < options.LivenessMinScore)
            {
                return new FaceCheck.NotLive(score, liveness, "the anti-spoof model saw a replayed face");
            }

            if (evidence.Motion.Score < options.LivenessMinMotion)
            {
                return new FaceCheck.NotLive(score, liveness, "the face moved like a flat picture");
            }
        }

        var failure = ChallengeCheck.Failure(evidence.Frames, challenge);
        return failure is null ? new FaceCheck.Match(score, liveness, frames) : new FaceCheck.ChallengeFailed(score, failure);
    }
}
