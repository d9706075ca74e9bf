using System.Numerics;
using System.Runtime.InteropServices;

namespace Rollcall.Faces;

/// <summary>The 0-100 scale FACE_MATCH_THRESHOLD uses, for L2-normalised face embeddings.</summary>
public static class SimilarityScale
{
    /// <summary>30 + 100 * cosine, clamped to 0-100: threshold 70 is cosine 0.40 (measured on shared/faces).</summary>
    public static double FromCosine(float cosine) => Math.Clamp(30.0 + (100.0 * cosine), 0.0, 100.0);

    /// <summary>The similarity of two L2-normalised embeddings on this scale.</summary>
    public static double Score(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => FromCosine(Cosine(a, b));

    /// <summary>Cosine of two L2-normalised embeddings (their dot product, SIMD-wide); 0 when the lengths differ.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            return 0;
        }

        var i = 0;
        var dot = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var wide = Vector<float>.Zero;
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var v = 0; v < va.Length; v++)
            {
                wide += va[v] * vb[v];
            }

            dot = Vector.Sum(wide);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
