using System.Collections.Concurrent;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Simulation.Clips;

/// <summary>What the engine made of one challenge clip: its evidence (signals, motion, embeddings) and the ID photo's embedding.</summary>
public sealed record ChallengeResult(ChallengeClip Clip, VideoEvidence Evidence, float[]? Reference)
{
    public bool Detected(ChallengeAction action) => ActionOnsets.Find(Evidence.Signals, Evidence.Fps, action).Count > 0;

    /// <summary>The challenge alone: both actions seen in order.</summary>
    public bool Passes(Challenge challenge) => Evidence.Rejection is null && ChallengeCheck.Failure(Evidence.Signals, Evidence.Fps, challenge) is null;

    /// <summary>The whole decision (face, passive and temporal liveness, challenge) with these options; null without an ID photo.</summary>
    public FaceCheck? Decide(Challenge challenge, FaceOptions options) =>
        Reference is null ? null : FaceDecision.Decide(Evidence, Reference, challenge, options);
}

/// <summary>False rejects and false accepts over a group of challenge results.</summary>
public sealed record ChallengeRate(string Group, int Genuine, int Rejected, int Impostor, int Accepted)
{
    public override string ToString() =>
        $"{Group}: false rejects {Rejected}/{Genuine} = {Percent(Rejected, Genuine):0.0}%, false accepts {Accepted}/{Impostor} = {Percent(Accepted, Impostor):0.0}%";

    public static double Percent(int wrong, int all) => all == 0 ? 0 : 100.0 * wrong / all;
}

/// <summary>Runs the challenge corpus through the real analyzer (with a challenge asked, so the face is followed between detections).</summary>
public static class ChallengeMeasurement
{
    public static List<ChallengeResult> Measure(FaceEngine engine, FaceOptions options, IReadOnlyList<ChallengeClip> clips, CancellationToken cancellationToken)
    {
        var analyzer = new VideoNoteAnalyzer(engine, options);
        var references = new ConcurrentDictionary<string, float[]?>();
        var results = new ChallengeResult[clips.Count];
        var asked = ChallengePick.All[0];
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var clip = clips[i];
            var reference = clip.Reference is null ? null
                : references.GetOrAdd(clip.Reference, path => ReferenceFace.FromImage(engine, File.ReadAllBytes(path), options.MinFacePixels).Embedding);
            results[i] = new ChallengeResult(clip, analyzer.Analyze(File.ReadAllBytes(clip.Path), asked, cancellationToken), reference);
        });
        return [.. results];
    }

    /// <summary>Per action: windows (and joined clips) showing it and not detected, and those not showing it where it was detected.</summary>
    public static IEnumerable<ChallengeRate> Actions(IReadOnlyList<ChallengeResult> results, Func<ChallengeResult, string> groupOf) =>
        from action in ChallengePick.Actions
        from g in results.Where(r => !r.Clip.IsAttack).GroupBy(groupOf).OrderBy(g => g.Key, StringComparer.Ordinal)
        let shows = g.Where(r => r.Clip.Shows(action)).ToList()
        let not = g.Where(r => !r.Clip.Shows(action)).ToList()
        select new ChallengeRate($"{ActionWindow.Name(action)}, {g.Key}", shows.Count, shows.Count(r => !r.Detected(action)), not.Count, not.Count(r => r.Detected(action)));

    /// <summary>Per challenge: clips that perform it and fail, clips that do not (or in the wrong order) and pass.</summary>
    public static IEnumerable<ChallengeRate> Sequences(IReadOnlyList<ChallengeResult> results, Func<ChallengeResult, string> groupOf, Func<ChallengeTruth, bool>? impostor = null)
    {
        impostor ??= t => t is ChallengeTruth.WrongOrder or ChallengeTruth.NotPerformed;
        foreach (var challenge in ChallengePick.All)
        {
            foreach (var g in results.Where(r => !r.Clip.IsAttack).GroupBy(groupOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var genuine = g.Where(r => r.Clip.TruthFor(challenge) == ChallengeTruth.Performed).ToList();
                var others = g.Where(r => impostor(r.Clip.TruthFor(challenge))).ToList();
                yield return new ChallengeRate($"{Name(challenge)}, {g.Key}", genuine.Count, genuine.Count(r => !r.Passes(challenge)), others.Count, others.Count(r => r.Passes(challenge)));
            }
        }
    }

    public static string Name(Challenge challenge) => $"{ActionWindow.Name(challenge.First)} then {ActionWindow.Name(challenge.Second)}";
}
