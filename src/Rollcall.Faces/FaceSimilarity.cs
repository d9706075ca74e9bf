using System.Numerics.Tensors;

namespace Rollcall.Faces;

/// <summary>Scores two L2-normalised embeddings on the 0-100 scale that FACE_MATCH_THRESHOLD uses.</summary>
public static class FaceSimilarity
{
    /// <summary>Cosine of two L2-normalised embeddings (their dot product).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>See <see cref="SimilarityScale.FromCosine"/>.</summary>
    public static double Score(float cosine) => SimilarityScale.FromCosine(cosine);

    public static double Score(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Score(Cosine(a, b));
}
