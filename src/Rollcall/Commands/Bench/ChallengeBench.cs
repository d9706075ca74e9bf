using System.Globalization;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>
/// `rollcall bench faces --challenge`: the challenge's false rejects and false accepts per action and per sequence on the listed
/// windows of the real recordings (samples/videos/actions.csv), at each size, mirrored and not; photo and screen replays against every
/// challenge; and the whole decision (passive, temporal, challenge) with the motion thresholds to choose from.
/// </summary>
internal static class ChallengeBench
{
    private static readonly double[] Motions = [5, 4, 3, 2, 1, 0];

    public static async Task RunAsync(FaceEngine engine, FaceOptions options, string recordings, string? photos, string actions, IReadOnlyList<int> sides,
        string? csv, string? keep, CancellationToken cancellationToken)
    {
        var cache = keep is null ? Directory.CreateTempSubdirectory("rollcall-challenge-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            var corpus = new ChallengeCorpus(new LivenessCorpus(recordings, photos, cache), ActionWindow.Read(actions));
            var clips = new List<ChallengeClip>();
            clips.AddRange(await corpus.WindowsAsync(sides, cancellationToken));
            clips.AddRange(await corpus.JoinedAsync(sides, perOrder: 8, cancellationToken));
            clips.AddRange(await corpus.AttacksAsync(sides, [.. LivenessCorpus.PhotoAttacks, "screen"], cancellationToken));
            Console.WriteLine($"challenge corpus: {corpus.Windows.Count} listed windows of {corpus.Windows.Select(w => w.Recording).Distinct().Count()} people ({actions}); " +
                $"{clips.Count(c => c.Kind == "window")} window clips, {clips.Count(c => c.Kind == "joined")} joined (one person), " +
                $"{clips.Count(c => c.Kind == "two people")} joined (two people), {clips.Count(c => c.IsAttack)} attacks");
            foreach (var action in ChallengePick.Actions)
            {
                var showing = corpus.Windows.Where(w => w.Actions.Contains(action)).ToList();
                Console.WriteLine($"  {ActionWindow.Name(action)}: {showing.Count} windows of {showing.Select(w => w.Recording).Distinct().Count()} people");
            }

            Console.WriteLine($"  none: {corpus.Windows.Count(w => w.Actions.Count == 0)} windows");
            Console.WriteLine($"thresholds (ActionOnsets): blink = eyes open >= {ActionOnsets.EyesOpenAgain}, then shut (open < {ActionOnsets.EyesShut} and lids < {ActionOnsets.LidsShut} of their open level " +
                $"within {ActionOnsets.OpenLevelSeconds} s), then open again, at most {ActionOnsets.LongestBlinkSeconds} s from open to open; smile = mouth >= {ActionOnsets.SmileWidth}x its narrow width " +
                $"after <= {ActionOnsets.NeutralWidth}x; open mouth = lips >= {ActionOnsets.MouthOpen} eye distances apart after < {ActionOnsets.MouthClosed}; " +
                $"smile and open mouth held {ActionOnsets.HeldSeconds} s; followed at {VideoNoteAnalyzer.TrackingFps} frames a second; LIVENESS_MIN_SHAPE_CHANGE {options.LivenessMinShapeChange}");
            var results = ChallengeMeasurement.Measure(engine, options, clips, cancellationToken);
            Report(results, options);
            if (csv is not null)
            {
                await File.WriteAllLinesAsync(csv, ["kind,person,side,mirrored,parts,blink,smile,open_mouth,passes,motion,passive",
                    .. results.Select(r => string.Join(',', r.Clip.Kind, r.Clip.Person, r.Clip.Side, r.Clip.Mirrored, string.Join(" then ", r.Clip.Parts),
                        Onsets(r, ChallengeAction.Blink), Onsets(r, ChallengeAction.Smile), Onsets(r, ChallengeAction.OpenMouth),
                        string.Join(' ', ChallengePick.All.Where(r.Passes).Select(ChallengeMeasurement.Name)), F(r.Evidence.Motion.Score), F(r.Evidence.PassiveLiveness)))], cancellationToken);
                // Every followed frame's eye signals, to weigh other blink rules without decoding again.
                await File.WriteAllLinesAsync(csv + ".eyes.csv", ["clip,kind,person,side,mirrored,attack,shows_blink,fps,frame,eyes_open,eye_aspect",
                    .. results.SelectMany((r, i) => r.Evidence.Signals.Select(f => string.Join(',', i, r.Clip.Kind, r.Clip.Person, r.Clip.Side, r.Clip.Mirrored, r.Clip.IsAttack,
                        !r.Clip.IsAttack && r.Clip.Shows(ChallengeAction.Blink), F(r.Evidence.Fps), f.Index, F(f.EyesOpen), F(f.EyeAspect))))], cancellationToken);
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

    private static void Report(List<ChallengeResult> results, FaceOptions options)
    {
        static string Variant(ChallengeResult r) => $"{r.Clip.Side} px{(r.Clip.Mirrored ? " mirrored" : "")}";
        var people = results.Where(r => r.Clip.Kind is "window" or "joined").ToList();
        Console.WriteLine("per action (listed windows and one person's joined windows):");
        Print(ChallengeMeasurement.Actions(people, Variant));
        Console.WriteLine("per sequence, one person (genuine: joined windows and listed windows that perform it; others: the wrong order or not performed):");
        Print(ChallengeMeasurement.Sequences(people, Variant));
        Console.WriteLine("all six sequences together:");
        Print(ChallengeMeasurement.Sequences(people, r => Variant(r)).GroupBy(r => r.Group[(r.Group.IndexOf(", ", StringComparison.Ordinal) + 2)..])
            .Select(g => new ChallengeRate($"one person, {g.Key}", g.Sum(r => r.Genuine), g.Sum(r => r.Rejected), g.Sum(r => r.Impostor), g.Sum(r => r.Accepted))));
        var two = results.Where(r => r.Clip.Kind == "two people").ToList();
        Print(ChallengeMeasurement.Sequences(two, Variant).GroupBy(r => r.Group[(r.Group.IndexOf(", ", StringComparison.Ordinal) + 2)..])
            .Select(g => new ChallengeRate($"two people, {g.Key}", g.Sum(r => r.Genuine), g.Sum(r => r.Rejected), g.Sum(r => r.Impostor), g.Sum(r => r.Accepted))));
        Console.WriteLine("  of them in the wrong order only:");
        Print(ChallengeMeasurement.Sequences([.. people, .. two], r => Variant(r), t => t == Simulation.Clips.ChallengeTruth.WrongOrder)
            .GroupBy(r => r.Group[(r.Group.IndexOf(", ", StringComparison.Ordinal) + 2)..])
            .Select(g => new ChallengeRate($"  wrong order, {g.Key}", 0, 0, g.Sum(r => r.Impostor), g.Sum(r => r.Accepted))));

        Console.WriteLine("replays against every challenge (clips x 6 challenges that pass the challenge alone; the whole decision):");
        foreach (var g in results.Where(r => r.Clip.IsAttack).GroupBy(r => $"{r.Clip.Kind}, {Variant(r)}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var checks = g.Count() * ChallengePick.All.Count;
            var passes = g.Sum(r => ChallengePick.All.Count(r.Passes));
            var accepted = g.Sum(r => ChallengePick.All.Count(c => r.Decide(c, options) is FaceCheck.Match));
            Console.WriteLine($"  {g.Key}: challenge passed {passes}/{checks}, whole decision accepted {accepted}/{checks}");
        }

        WholeDecision(results, options);
    }

    // BPCER on one person's clips that perform the asked challenge, APCER on each replay type against every challenge: the decision
    // as it is (the challenge in the motion check's place), and with the motion check kept as well, at each motion threshold.
    private static void WholeDecision(List<ChallengeResult> results, FaceOptions options)
    {
        Console.WriteLine("whole decision with the challenge on (BPCER: performed and refused; APCER: replays x 6 challenges accepted):");
        Row("the challenge in the motion check's place (the decision)", results, options, _ => true);
        foreach (var motion in Motions)
        {
            Row($"the motion check kept as well, motion >= {motion}", results, options, r => r.Evidence.Motion.Score >= motion);
        }
    }

    private static void Row(string name, List<ChallengeResult> results, FaceOptions options, Func<ChallengeResult, bool> moved)
    {
        string Outcome(ChallengeResult r, Challenge c) => r.Decide(c, options) switch
        {
            FaceCheck.Match => moved(r) ? "Match" : "NotLive",
            var other => other!.GetType().Name,
        };
        var live = results.Where(r => r.Reference is not null && !r.Clip.IsAttack)
            .SelectMany(r => ChallengePick.All.Where(c => r.Clip.TruthFor(c) == ChallengeTruth.Performed).Select(c => Outcome(r, c))).ToList();
        var refused = live.Where(d => d != "Match").ToList();
        var attacks = results.Where(r => r.Clip.IsAttack).GroupBy(r => r.Clip.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Sum(r => ChallengePick.All.Count(c => Outcome(r, c) == "Match"))}/{g.Count() * ChallengePick.All.Count}");
        Console.WriteLine($"  {name}: BPCER {refused.Count}/{live.Count} = {ChallengeRate.Percent(refused.Count, live.Count):0.0}% " +
            $"({string.Join(", ", refused.GroupBy(d => d).Select(g => $"{g.Count()} {g.Key}"))}); APCER {string.Join(", ", attacks)}");
    }

    private static void Print(IEnumerable<ChallengeRate> rates)
    {
        foreach (var rate in rates)
        {
            Console.WriteLine("  " + rate);
        }
    }

    private static string Onsets(ChallengeResult r, ChallengeAction action) =>
        string.Join(' ', ActionOnsets.Find(r.Evidence.Signals, r.Evidence.Fps, action).Select(i => F(i / r.Evidence.Fps)));

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
