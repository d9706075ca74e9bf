using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>
/// Issue 13 item 2: the passive decision's parts apart and the motion check it replaced, on the same clips, so each part's share of
/// the BPCER and APCER can be read (the rest of the decision, face match and passive model, as it is).
/// </summary>
internal static class MovingParts
{
    // The temporal motion check the decision used before (LIVENESS_MIN_MOTION 5).
    private const double OldMotion = 5;

    public static void Print(IReadOnlyList<CorpusResult> results, FaceOptions options)
    {
        var shape = options.LivenessMinShapeChange;
        (string Name, Func<CorpusResult, bool> Live)[] rules =
        [
            ($"motion >= {OldMotion} (before)", r => r.Evidence!.Motion.Score >= OldMotion),
            ($"motion >= {OldMotion}, or a blink, smile or open mouth", r => r.Evidence!.Motion.Score >= OldMotion || Moved(r)),
            ("a blink, smile or open mouth alone", Moved),
            ($"shape change >= {shape} alone", r => PassiveLiveness.ShapeChange(r.Evidence!.Signals) >= shape),
            ($"a blink, smile or open mouth, or shape change >= {shape}", r => Moved(r) || PassiveLiveness.ShapeChange(r.Evidence!.Signals) >= shape),
            ($"motion >= {options.LivenessMinMotion} alone", r => r.Evidence!.Motion.Score >= options.LivenessMinMotion),
            ($"a blink, smile or open mouth, or shape change >= {shape}, or motion >= {options.LivenessMinMotion} (the decision)",
                r => PassiveLiveness.Refusal(r.Evidence!.Motion, r.Evidence.Signals, r.Evidence.Fps, options) is null),
        ];
        var noRule = new FaceOptions
        {
            MatchThreshold = options.MatchThreshold,
            LivenessRequired = options.LivenessRequired,
            LivenessMinScore = options.LivenessMinScore,
            LivenessMinShapeChange = 0,
            LivenessMinMotion = 0,
            MinFacePixels = options.MinFacePixels,
        };
        Console.WriteLine("the passive rule's parts (no challenge):");
        foreach (var (name, live) in rules)
        {
            bool Accepted(CorpusResult r) => r.Evidence is not null && r.Reference is not null
                && FaceDecision.Decide(r.Evidence, r.Reference, Challenge.None, noRule) is FaceCheck.Match && live(r);
            var bpcer = results.Where(r => r.Clip.IsLive).GroupBy(r => $"{r.Clip.Seconds:0.#} s {r.Clip.Side} px").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count(r => !Accepted(r))}/{g.Count()}");
            var apcer = results.Where(r => !r.Clip.IsLive).GroupBy(r => $"{r.Clip.Kind} {r.Clip.Side}").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count(Accepted)}/{g.Count()}");
            Console.WriteLine($"  {name}: BPCER {string.Join(", ", bpcer)}; APCER {string.Join(", ", apcer)}");
        }
    }

    private static bool Moved(CorpusResult r) => PassiveLiveness.MovedParts(r.Evidence!.Signals, r.Evidence.Fps);
}
