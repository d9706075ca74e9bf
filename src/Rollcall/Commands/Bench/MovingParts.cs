using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>
/// Issue 13 item 2 again, with the challenge's detectors: would a passive decision (no challenge) that also accepts a face whose eyes or
/// mouth moved (a blink, a smile, an open mouth seen) refuse fewer live people without accepting more photos?
/// </summary>
internal static class MovingParts
{
    public static void Print(IReadOnlyList<CorpusResult> results, FaceOptions options)
    {
        var noMotion = new FaceOptions
        {
            MatchThreshold = options.MatchThreshold,
            LivenessRequired = options.LivenessRequired,
            LivenessMinScore = options.LivenessMinScore,
            LivenessMinMotion = 0,
            MinFacePixels = options.MinFacePixels,
        };
        (string Name, Func<CorpusResult, bool> Live)[] rules =
        [
            ("motion only (today)", r => r.Evidence!.Motion.Score >= options.LivenessMinMotion),
            ("motion, or a blink, smile or open mouth", r => r.Evidence!.Motion.Score >= options.LivenessMinMotion || Moved(r, ChallengePick.Actions)),
            ("motion, or a blink", r => r.Evidence!.Motion.Score >= options.LivenessMinMotion || Moved(r, [ChallengeAction.Blink])),
            ("a blink, smile or open mouth (no motion)", r => Moved(r, ChallengePick.Actions)),
        ];
        Console.WriteLine($"moving parts instead of or besides motion (LIVENESS_MIN_MOTION {options.LivenessMinMotion}), no challenge:");
        foreach (var (name, live) in rules)
        {
            // The rest of the decision (face match, passive model) as it is; only the motion rule changes.
            bool Accepted(CorpusResult r) => r.Evidence is not null && r.Reference is not null
                && FaceDecision.Decide(r.Evidence, r.Reference, Challenge.None, noMotion) is FaceCheck.Match && live(r);
            var bpcer = results.Where(r => r.Clip.IsLive).GroupBy(r => $"{r.Clip.Seconds:0.#} s {r.Clip.Side} px").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count(r => !Accepted(r))}/{g.Count()}");
            var apcer = results.Where(r => !r.Clip.IsLive).GroupBy(r => r.Clip.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count(Accepted)}/{g.Count()}");
            Console.WriteLine($"  {name}: BPCER {string.Join(", ", bpcer)}; APCER {string.Join(", ", apcer)}");
        }
    }

    private static bool Moved(CorpusResult r, IEnumerable<ChallengeAction> actions) =>
        actions.Any(a => ActionOnsets.Find(r.Evidence!.Signals, r.Evidence.Fps, a).Count > 0);
}
