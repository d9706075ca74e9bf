using System.Globalization;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
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
            Console.WriteLine($"thresholds: a blink, smile or open mouth, or LIVENESS_MIN_SHAPE_CHANGE {options.LivenessMinShapeChange}, or LIVENESS_MIN_MOTION {options.LivenessMinMotion}; LIVENESS_MIN_SCORE {options.LivenessMinScore}, " +
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
                await File.WriteAllLinesAsync(csv, ["kind,person,side,seconds,mirrored,source,decision,passive,motion,residual,local,similarity,blinks,smiles,open_mouths,shape_change,followed,shape_p50,shape_p75,shape_p90",
                    .. results.Select(r => string.Join(',', r.Clip.Kind, r.Clip.Person, r.Clip.Side, F(r.Clip.Seconds), r.Clip.Mirrored, r.Clip.Source,
                        r.Decision.GetType().Name, F(r.Passive), F(r.Motion.AppearanceChange), F(r.Motion.LandmarkResidual), F(r.Motion.LocalChange), F(r.Decision.Similarity ?? -1), Onsets(r, ChallengeAction.Blink), Onsets(r, ChallengeAction.Smile), Onsets(r, ChallengeAction.OpenMouth),
                        F(r.Evidence is null ? 0 : PassiveLiveness.ShapeChange(r.Evidence.Signals)), r.Evidence?.Signals.Count ?? 0, Q(r, 0.5), Q(r, 0.75), Q(r, 0.9)))], cancellationToken);
                // Every followed frame's eye signals, to weigh other blink rules without decoding again.
                await File.WriteAllLinesAsync(csv + ".eyes.csv", ["clip,kind,person,side,seconds,mirrored,source,fps,frame,eyes_open,eye_aspect",
                    .. results.SelectMany((r, i) => (r.Evidence?.Signals ?? []).Select(f => string.Join(',', i, r.Clip.Kind, r.Clip.Person, r.Clip.Side, F(r.Clip.Seconds),
                        r.Clip.Mirrored, r.Clip.Source, F(r.Evidence!.Fps), f.Index, F(f.EyesOpen), F(f.EyeAspect))))], cancellationToken);
                Console.WriteLine($"per clip: {csv}, per frame: {csv}.eyes.csv");
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

    private static int Onsets(CorpusResult r, ChallengeAction action) => r.Evidence is null ? 0 : ActionOnsets.Find(r.Evidence.Signals, r.Evidence.Fps, action).Count;

    private static string Q(CorpusResult r, double q)
    {
        var v = r.Evidence?.Signals.Select(s => (double)s.ShapeChange).Order().ToArray() ?? [];
        return v.Length == 0 ? "0" : F(v[(int)(q * (v.Length - 1))]);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
