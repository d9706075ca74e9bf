namespace Rollcall.Faces;

/// <summary>The 0-100 scale FACE_MATCH_THRESHOLD uses, for L2-normalised face embeddings.</summary>
public static class SimilarityScale
{
    /// <summary>30 + 100 * cosine, clamped to 0-100: threshold 70 is cosine 0.40 (measured on shared/faces).</summary>
    public static double FromCosine(float cosine) => Math.Clamp(30.0 + (100.0 * cosine), 0.0, 100.0);

    /// <summary>Cosine of two L2-normalised embeddings (their dot product); 0 when the lengths differ.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            return 0;
        }

        var dot = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
