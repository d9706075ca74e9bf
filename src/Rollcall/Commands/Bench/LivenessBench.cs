using System.Globalization;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>`rollcall bench faces --liveness`: BPCER and APCER per attack type and size on the corpus of real recordings.</summary>
internal static class LivenessBench
{
    public static async Task RunAsync(FaceEngine engine, FaceOptions options, string recordings, string? photos, IReadOnlyList<int> sides,
        IReadOnlyList<double> lengths, string? csv, string? keep, CancellationToken cancellationToken)
    {
        var cache = keep is null ? Directory.CreateTempSubdirectory("rollcall-liveness-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            var corpus = new LivenessCorpus(recordings, photos, cache);
            var clips = new List<CorpusClip>();
            foreach (var seconds in lengths)
            {
                clips.AddRange(await corpus.LiveAsync(sides, seconds, mirrored: true, cancellationToken));
            }

            clips.AddRange(await corpus.AttacksAsync(sides, [.. LivenessCorpus.PhotoAttacks, "screen"], cancellationToken));
            Console.WriteLine($"liveness corpus: {clips.Count(c => c.IsLive)} live windows, {clips.Count(c => !c.IsLive)} attacks ({recordings}{(photos is null ? "" : ", " + photos)})");
            Console.WriteLine($"thresholds: LIVENESS_MIN_MOTION {options.LivenessMinMotion}, LIVENESS_MIN_SCORE {options.LivenessMinScore}, " +
                $"FACE_VIDEO_FRAMES {options.SampledFrames}, FACE_VIDEO_WINDOW_SECONDS {options.WindowSeconds}, FACE_MATCH_THRESHOLD {options.MatchThreshold}");
            var results = LivenessMeasurement.Measure(engine, options, clips, cancellationToken, followed: true);
            Console.WriteLine("BPCER (live people refused):");
            foreach (var rate in LivenessMeasurement.Bpcer(results))
            {
                Console.WriteLine("  " + rate);
            }

            Console.WriteLine("APCER (replays accepted):");
            foreach (var rate in LivenessMeasurement.Apcer(results))
            {
                Console.WriteLine("  " + rate);
            }

            Signals(results);
            MovingParts.Print(results, options);
            if (csv is not null)
            {
                await File.WriteAllLinesAsync(csv, ["kind,person,side,seconds,mirrored,source,decision,passive,motion,residual,local,similarity",
                    .. results.Select(r => string.Join(',', r.Clip.Kind, r.Clip.Person, r.Clip.Side, F(r.Clip.Seconds), r.Clip.Mirrored, r.Clip.Source,
                        r.Decision.GetType().Name, F(r.Passive), F(r.Motion.AppearanceChange), F(r.Motion.LandmarkResidual), F(r.Motion.LocalChange), F(r.Decision.Similarity ?? -1)))], cancellationToken);
                Console.WriteLine($"per clip: {csv}");
            }
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    // The spread of each signal per kind, so a threshold can be read off the numbers.
    private static void Signals(List<CorpusResult> results)
    {
        Console.WriteLine("signals per kind (min / 5th percentile / median / max), clips that matched their ID photo:");
        foreach (var group in results.Where(r => !r.Unmatched).GroupBy(r => r.Clip.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-7} n={group.Count(),4}  motion {Spread(group.Select(r => r.Motion.AppearanceChange))}  " +
                $"passive {Spread(group.Select(r => r.Passive))}  local change {Spread(group.Select(r => r.Motion.LocalChange))}");
        }
    }

    private static string Spread(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? "-" : $"{v[0]:0.00} / {v[(int)(0.05 * (v.Length - 1))]:0.00} / {v[v.Length / 2]:0.00} / {v[^1]:0.00}";
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
