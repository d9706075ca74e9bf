using Rollcall.Faces.Video;

namespace Rollcall.Faces;

/// <summary>Turns the evidence from a video note and the reference embedding into a FaceCheck.</summary>
public static class FaceDecision
{
    public static FaceCheck Decide(VideoEvidence evidence, ReadOnlySpan<float> reference, Challenge challenge, FaceOptions options)
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
            return new FaceCheck.Mismatch(score, liveness, frames, options.MatchThreshold);
        }

        var refusal = LivenessOrChallenge(evidence, score, challenge, options);
        if (refusal is not null)
        {
            return refusal;
        }

        var probe = MeanEmbedding(evidence.Embeddings);
        return new FaceCheck.Match(score, liveness, frames, options.MatchThreshold) { Probe = probe, ProbeCosine = SimilarityScale.Cosine(probe, reference) };
    }

    /// <summary>
    /// Why a note whose face matched (by any engine: local, or Rekognition's CompareFaces) is still refused: the liveness checks
    /// (when LIVENESS_REQUIRED) and the challenge; null when it passes both.
    /// </summary>
    public static FaceCheck? LivenessOrChallenge(VideoEvidence evidence, double score, Challenge challenge, FaceOptions options)
    {
        var liveness = Math.Round(evidence.PassiveLiveness, 3);
        if (options.LivenessRequired)
        {
            if (evidence.PassiveLiveness < options.LivenessMinScore)
            {
                return new FaceCheck.NotLive(score, liveness, "the anti-spoof model saw a replayed face");
            }

            // No "doubtful" band for the teacher: on the corpus of real recordings the still-sitters and the photo replays scored
            // alike on motion, and the teacher's picture cannot tell them apart (issue 13). The face's own moving parts tell them.
            // An asked challenge takes this check's place: its actions are the same non-rigid motion, asked in an order.
            if (!challenge.IsAsked && PassiveLiveness.Refusal(evidence.Motion, evidence.Signals, evidence.Fps, options) is { } why)
            {
                return new FaceCheck.NotLive(score, liveness, why);
            }
        }

        var miss = ChallengeCheck.Failure(evidence.Signals, evidence.Fps, challenge);
        return miss is { } missed ? new FaceCheck.ChallengeFailed(score, challenge, missed) : null;
    }

    /// <summary>The normalised mean of the best frames' embeddings: the clip's face in one vector.</summary>
    private static float[] MeanEmbedding(IReadOnlyList<float[]> embeddings)
    {
        var mean = new float[embeddings[0].Length];
        foreach (var embedding in embeddings)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, embedding, mean);
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(mean);
        System.Numerics.Tensors.TensorPrimitives.Divide(mean, norm > 0 ? norm : 1, mean);
        return mean;
    }
}
