using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>What one detected frame showed.</summary>
public sealed record FrameFace(int Index, FaceFinding Finding, int FaceCount, float Score, float Height);

/// <summary>Milliseconds spent per stage of one verification; decoding runs alongside detection and motion, so stages overlap.</summary>
public sealed record StageTimes(double DecodeMs, double DetectMs, double EmbedMs, double LivenessMs)
{
    /// <summary>Following the face between detections for the challenge (landmarks and eye model).</summary>
    public double ChallengeMs { get; init; }

    public double TotalMs => DecodeMs + DetectMs + EmbedMs + LivenessMs + ChallengeMs;
}

/// <summary>Everything the analysis of one video note found: a rejection, or the embeddings and liveness signals.</summary>
public sealed record VideoEvidence(
    FaceCheck? Rejection,
    IReadOnlyList<FrameFace> Frames,
    IReadOnlyList<float[]> Embeddings,
    double PassiveLiveness,
    TemporalMotion Motion,
    StageTimes Times)
{
    /// <summary>The best frame (most confident, frontal and large face) as a JPEG, when the analysis was asked to keep it.</summary>
    public byte[]? BestFrame { get; init; }

    /// <summary>The face's moving parts frame by frame (detected and followed frames), when a challenge was asked or liveness is required.</summary>
    public IReadOnlyList<FaceSignals> Signals { get; init; } = [];

    /// <summary>The track's frame rate, to turn frame indices into seconds.</summary>
    public double Fps { get; init; }

    /// <summary>Median similarity (0-100) of the best frames' embeddings to the reference.</summary>
    public double SimilarityTo(ReadOnlySpan<float> reference)
    {
        if (Embeddings.Count == 0)
        {
            return 0;
        }

        Span<double> scores = stackalloc double[Embeddings.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = SimilarityScale.Score(Embeddings[i], reference);
        }

        scores.Sort();
        var n = scores.Length;
        return n % 2 == 1 ? scores[n / 2] : (scores[(n / 2) - 1] + scores[n / 2]) / 2;
    }

    public static VideoEvidence Rejected(FaceCheck rejection, IReadOnlyList<FrameFace> frames, StageTimes times) =>
        new(rejection, frames, [], 0, TemporalMotion.None, times);

    internal static int EmbeddingSize => FaceEngine.EmbeddingSize;
}
