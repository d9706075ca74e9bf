using System.Collections.Concurrent;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Simulation.Clips;

/// <summary>What the engine made of one corpus clip: its decision and the liveness signals behind it.</summary>
public sealed record CorpusResult(CorpusClip Clip, FaceCheck Decision, double Passive, TemporalMotion Motion)
{
    /// <summary>The whole evidence, when measured with the face followed between detections (for the moving-parts signals).</summary>
    public VideoEvidence? Evidence { get; init; }

    /// <summary>The ID photo's embedding, when measured with the face followed (to decide again with other options).</summary>
    public float[]? Reference { get; init; }

    /// <summary>Accepted as a live, matching student (a doubtful NotLive goes to the teacher: counted apart).</summary>
    public bool Accepted => Decision is FaceCheck.Match;

    public bool Doubtful => Decision is FaceCheck.NotLive { Doubtful: true };

    /// <summary>The face did not match its ID photo: the liveness checks were never reached.</summary>
    public bool Unmatched => Decision is FaceCheck.Mismatch or FaceCheck.NoFace or FaceCheck.FaceTooSmall or FaceCheck.BadPhoto;
}

/// <summary>BPCER (live people refused) and APCER (replays accepted) over a set of corpus results.</summary>
public sealed record LivenessRate(string Group, int Clips, int Wrong, int Doubtful, int Unmatched)
{
    public double Percent => Clips == 0 ? 0 : 100.0 * Wrong / Clips;

    public override string ToString() =>
        $"{Group}: {Wrong}/{Clips} = {Percent:0.0}% ({Doubtful} of them to the teacher's review; {Unmatched} did not match their ID photo)";
}

/// <summary>Runs the corpus through the real analyzer and decision, with the given options.</summary>
public static class LivenessMeasurement
{
    /// <param name="followed">Keep the evidence and the ID photo's embedding, to decide again with other rules (the face is followed between detections whenever liveness is required).</param>
    public static List<CorpusResult> Measure(FaceEngine engine, FaceOptions options, IReadOnlyList<CorpusClip> clips, CancellationToken cancellationToken, bool followed = false)
    {
        var analyzer = new VideoNoteAnalyzer(engine, options);
        var references = new ConcurrentDictionary<string, float[]?>();
        var results = new CorpusResult[clips.Count];
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var clip = clips[i];
            var reference = references.GetOrAdd(clip.Reference, path => ReferenceFace.FromImage(engine, File.ReadAllBytes(path), options.MinFacePixels).Embedding);
            var evidence = analyzer.Analyze(File.ReadAllBytes(clip.Path), Challenge.None, cancellationToken);
            var decision = reference is null ? new FaceCheck.BadPhoto("no face in the ID frame") : FaceDecision.Decide(evidence, reference, Challenge.None, options);
            results[i] = new CorpusResult(clip, decision, evidence.PassiveLiveness, evidence.Motion) { Evidence = followed ? evidence : null, Reference = followed ? reference : null };
        });
        return [.. results];
    }

    /// <summary>Live clips refused (BPCER), per size and length.</summary>
    public static IEnumerable<LivenessRate> Bpcer(IEnumerable<CorpusResult> results) =>
        results.Where(r => r.Clip.IsLive).GroupBy(r => $"live {r.Clip.Seconds:0.#} s, {r.Clip.Side} px").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Rate(g.Key, g, wrong: r => !r.Accepted));

    /// <summary>Attack clips accepted (APCER), per attack type and size.</summary>
    public static IEnumerable<LivenessRate> Apcer(IEnumerable<CorpusResult> results) =>
        results.Where(r => !r.Clip.IsLive).GroupBy(r => $"{r.Clip.Kind}, {r.Clip.Side} px").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Rate(g.Key, g, wrong: r => r.Accepted));

    private static LivenessRate Rate(string group, IEnumerable<CorpusResult> results, Func<CorpusResult, bool> wrong)
    {
        var list = results.ToList();
        return new LivenessRate(group, list.Count, list.Count(wrong), list.Count(r => r.Doubtful), list.Count(r => r.Unmatched));
    }
}
