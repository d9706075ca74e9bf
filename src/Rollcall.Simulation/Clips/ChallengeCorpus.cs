using System.Globalization;
using Rollcall.Faces;

namespace Rollcall.Simulation.Clips;

/// <summary>
/// The challenge corpus of issue 13, made at run time with ffmpeg from the listed action windows of the real recordings
/// (samples/videos/actions.csv): each window alone, two windows of one person played one after the other (two actions in either
/// order, an action and nothing), two windows of two people (more orders than one person shows), and the liveness corpus's attacks.
/// Every clip at each size, and mirrored.
/// </summary>
public sealed class ChallengeCorpus(LivenessCorpus corpus, IReadOnlyList<ActionWindow> windows)
{
    /// <summary>Longest joined clip: the decision's window (FACE_VIDEO_WINDOW_SECONDS, 5 s) must hold both actions.</summary>
    public const double LongestJoined = 5.0;

    public IReadOnlyList<ActionWindow> Windows => windows;

    /// <summary>Every listed window alone.</summary>
    public async Task<List<ChallengeClip>> WindowsAsync(IReadOnlyList<int> sides, CancellationToken cancellationToken)
    {
        var clips = new List<ChallengeClip>();
        foreach (var window in windows)
        {
            foreach (var (side, mirrored) in Variants(sides))
            {
                var live = await corpus.WindowAsync(window.Recording, window.Start, window.Seconds, side, cancellationToken, mirrored);
                clips.Add(new ChallengeClip("window", window.Recording, side, mirrored, [window], live.Path, live.Reference));
            }
        }

        return clips;
    }

    /// <summary>
    /// Pairs of one-action (or no-action) windows played one after the other: every pair of one person (two different actions, or an
    /// action and a window without one), and up to <paramref name="perOrder"/> pairs of two people for each ordered pair of actions.
    /// </summary>
    public async Task<List<ChallengeClip>> JoinedAsync(IReadOnlyList<int> sides, int perOrder, CancellationToken cancellationToken)
    {
        var singles = windows.Where(w => w.IsSingle).ToList();
        var pairs = new List<(ActionWindow A, ActionWindow B, string Kind)>();
        foreach (var a in singles)
        {
            foreach (var b in singles.Where(b => b.Recording == a.Recording && b != a && !Overlap(a, b) && Differ(a, b)))
            {
                pairs.Add((a, b, "joined"));
            }
        }

        // Two people: a fixed, spread choice of windows for each ordered pair of actions (and each action with no action after or before it).
        var random = new Random(13);
        foreach (var first in ChallengePick.Actions.Cast<ChallengeAction?>().Append(null))
        {
            foreach (var second in ChallengePick.Actions.Cast<ChallengeAction?>().Append(null).Where(s => s != first))
            {
                var choices = (from a in singles.Where(w => Is(w, first))
                               from b in singles.Where(w => Is(w, second) && w.Recording != a.Recording)
                               select (a, b, "two people")).OrderBy(_ => random.Next()).Take(perOrder);
                pairs.AddRange(choices);
            }
        }

        var clips = new List<ChallengeClip>();
        foreach (var (a, b, kind) in pairs.Where(p => p.A.Seconds + p.B.Seconds <= LongestJoined + 1e-6))
        {
            foreach (var (side, mirrored) in Variants(sides))
            {
                var first = await corpus.WindowAsync(a.Recording, a.Start, a.Seconds, side, cancellationToken, mirrored);
                var second = await corpus.WindowAsync(b.Recording, b.Start, b.Seconds, side, cancellationToken, mirrored);
                var name = $"join-{Path.GetFileNameWithoutExtension(first.Path)}-{Path.GetFileNameWithoutExtension(second.Path)}";
                var path = await corpus.JoinAsync(name, first.Path, second.Path, cancellationToken);
                clips.Add(new ChallengeClip(kind, a.Recording == b.Recording ? a.Recording : $"{a.Recording}+{b.Recording}", side, mirrored, [a, b], path,
                    a.Recording == b.Recording ? first.Reference : null));
            }
        }

        return clips;
    }

    /// <summary>The liveness corpus's attacks (photo replays and screen replays), mirrored too.</summary>
    public async Task<List<ChallengeClip>> AttacksAsync(IReadOnlyList<int> sides, IReadOnlyList<string> kinds, CancellationToken cancellationToken) =>
        [.. (await corpus.AttacksAsync(sides, kinds, cancellationToken, mirrored: true))
            .Select(c => new ChallengeClip(c.Kind, c.Person, c.Side, c.Mirrored, [], c.Path, c.Reference))];

    private static IEnumerable<(int Side, bool Mirrored)> Variants(IReadOnlyList<int> sides) =>
        sides.SelectMany(s => new[] { (s, false), (s, true) });

    private static bool Is(ActionWindow window, ChallengeAction? action) =>
        action is { } a ? window.Actions.Count == 1 && window.Actions[0] == a : window.Actions.Count == 0;

    // Two windows of one person are joined when they show something different: two actions, or an action and none.
    private static bool Differ(ActionWindow a, ActionWindow b) =>
        (a.Actions.Count + b.Actions.Count) > 0 && (a.Actions.Count == 0 || b.Actions.Count == 0 || a.Actions[0] != b.Actions[0]);

    private static bool Overlap(ActionWindow a, ActionWindow b) => a.Start < b.End && b.Start < a.End;

    internal static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
