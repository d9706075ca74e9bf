using System.Numerics.Tensors;

namespace Rollcall.Faces;

/// <summary>Scores two L2-normalised embeddings on the 0-100 scale that FACE_MATCH_THRESHOLD uses.</summary>
public static class FaceSimilarity
{
    /// <summary>Cosine of two L2-normalised embeddings (their dot product).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>30 + 100 * cosine, clamped to 0-100: threshold 70 is cosine 0.40 (measured on shared/faces).</summary>
    public static double Score(float cosine) => Math.Clamp(30.0 + (100.0 * cosine), 0.0, 100.0);

    public static double Score(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Score(Cosine(a, b));
}
