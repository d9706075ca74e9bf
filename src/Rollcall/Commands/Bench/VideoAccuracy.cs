using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>
/// Accuracy on video notes: a live-like clip from each pair of consecutive photos of a person (SyntheticClips, in-process) against
/// every photo not in the clip, scored with 2 and with 3 best frames.
/// </summary>
internal static class VideoAccuracy
{
    public static void Measure(FaceEngine engine, FaceOptions options, IReadOnlyList<(string Identity, string Path)> photos, float[]?[] references, CancellationToken cancellationToken)
    {
        var clips = new SyntheticClips(engine);
        int[] counts = [2, 3];
        var analyzers = counts.Select(n => new VideoNoteAnalyzer(engine, options, n)).ToArray();
        var genuine = counts.Select(_ => new List<double>()).ToArray();
        var impostor = counts.Select(_ => new List<double>()).ToArray();
        var made = 0;
        var rejected = 0;
        foreach (var person in photos.Select((p, i) => (p.Identity, Index: i)).GroupBy(p => p.Identity))
        {
            var own = person.Select(p => p.Index).ToList();
            for (var k = 0; own.Count >= 3 && k + 1 < own.Count; k++)
            {
                var clip = clips.LiveLike([photos[own[k]].Path, photos[own[k + 1]].Path]);
                made++;
                for (var a = 0; a < analyzers.Length; a++)
                {
                    var evidence = analyzers[a].Analyze(clip, Challenge.None, cancellationToken);
                    rejected += evidence.Rejection is null || a > 0 ? 0 : 1;
                    for (var j = 0; evidence.Rejection is null && j < photos.Count; j++)
                    {
                        if (j != own[k] && j != own[k + 1] && references[j] is { } reference)
                        {
                            (photos[j].Identity == person.Key ? genuine[a] : impostor[a]).Add(evidence.SimilarityTo(reference));
                        }
                    }
                }
            }
        }

        Console.WriteLine($"video notes: {made} live-like clips (2 photos each, in-process MPEG-4), {rejected} rejected before matching");
        for (var a = 0; a < counts.Length; a++)
        {
            Console.WriteLine($"  best {counts[a]} frames{(counts[a] == VideoNoteAnalyzer.BestFrames ? " (used)" : "")}: " + Summary(genuine[a], impostor[a], options.MatchThreshold));
            if (counts[a] == VideoNoteAnalyzer.BestFrames && genuine[a].Count > 0)
            {
                Console.WriteLine("  " + BenchCommand.ReviewBandEffect(genuine[a], impostor[a], options.MatchThreshold));
            }
        }
    }

    private static string Summary(List<double> genuine, List<double> impostor, double threshold)
    {
        if (genuine.Count == 0 || impostor.Count == 0)
        {
            return "no pairs";
        }

        genuine.Sort();
        impostor.Sort();
        double Tar(double far) => genuine.Count(g => g > impostor[impostor.Count - 1 - (int)Math.Floor(far * impostor.Count)]) * 100.0 / genuine.Count;
        var eer = 1.0;
        foreach (var t in genuine.Concat(impostor))
        {
            eer = Math.Min(eer, Math.Max(genuine.Count(g => g < t) / (double)genuine.Count, impostor.Count(s => s >= t) / (double)impostor.Count));
        }

        return $"{genuine.Count} genuine, {impostor.Count} impostor pairs; TAR at FAR 1% {Tar(0.01):0.0}%, at FAR 0.1% {Tar(0.001):0.0}%; EER {eer * 100:0.00}%; " +
            $"at {threshold}: TAR {genuine.Count(g => g >= threshold) * 100.0 / genuine.Count:0.0}%, FAR {impostor.Count(s => s >= threshold) * 100.0 / impostor.Count:0.00}%; " +
            $"min genuine {genuine[0]:0.0}, max impostor {impostor[^1]:0.0}";
    }
}
