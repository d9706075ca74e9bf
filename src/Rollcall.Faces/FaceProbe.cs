using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Faces;

/// <summary>The embeddings of a photo or a video file, for the CLI's scoring and the benchmark.</summary>
public sealed record FaceProbe(IReadOnlyList<float[]> Embeddings, string? Failure)
{
    private static readonly string[] VideoExtensions = [".mp4", ".mov", ".m4v", ".webm", ".mkv"];

    public static bool IsVideo(string path) => VideoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static FaceProbe FromFile(FaceEngine engine, FaceOptions options, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new FaceProbe([], "file not found");
        }

        var bytes = File.ReadAllBytes(path);
        if (IsVideo(path))
        {
            var evidence = new VideoNoteAnalyzer(engine, options).Analyze(bytes, Challenge.None, cancellationToken);
            return evidence.Rejection is null ? new FaceProbe(evidence.Embeddings, null) : new FaceProbe([], evidence.Rejection.ToString());
        }

        var reference = ReferenceFace.FromImage(engine, bytes, options.MinFacePixels);
        return reference.Embedding is null ? new FaceProbe([], reference.Failure) : new FaceProbe([reference.Embedding], null);
    }

    /// <summary>Median 0-100 similarity over all pairs of embeddings; null when either side has none.</summary>
    public double? SimilarityTo(FaceProbe other)
    {
        if (Embeddings.Count == 0 || other.Embeddings.Count == 0)
        {
            return null;
        }

        var scores = new List<double>(Embeddings.Count * other.Embeddings.Count);
        foreach (var a in Embeddings)
        {
            foreach (var b in other.Embeddings)
            {
                scores.Add(SimilarityScale.Score(a, b));
            }
        }

        scores.Sort();
        var n = scores.Count;
        return n % 2 == 1 ? scores[n / 2] : (scores[(n / 2) - 1] + scores[n / 2]) / 2;
    }
}
