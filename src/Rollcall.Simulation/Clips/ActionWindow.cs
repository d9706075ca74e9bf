using System.Globalization;
using Rollcall.Faces;

namespace Rollcall.Simulation.Clips;

/// <summary>
/// A window of a recording and the challenge actions a person performs in it, as listed in samples/videos/actions.csv (found by
/// looking at its frames): none, one, or two in order ("smile>blink") or starting together ("smile+open-mouth").
/// </summary>
public sealed record ActionWindow(string Recording, double Start, double End, IReadOnlyList<ChallengeAction> Actions, bool Together, string FoundBy)
{
    public double Seconds => End - Start;

    public bool IsSingle => Actions.Count <= 1;

    public override string ToString() =>
        $"{Recording} {Start.ToString("0.##", CultureInfo.InvariantCulture)}-{End.ToString("0.##", CultureInfo.InvariantCulture)} s " +
        (Actions.Count == 0 ? "none" : string.Join(Together ? "+" : ">", Actions.Select(Name)));

    public static string Name(ChallengeAction action) => action switch
    {
        ChallengeAction.OpenMouth => "open-mouth",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>The windows of a CSV with the columns recording, start, end, action, found_by.</summary>
    public static List<ActionWindow> Read(string path)
    {
        var windows = new List<ActionWindow>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',', 5);
            var together = cells[3].Contains('+', StringComparison.Ordinal);
            var actions = cells[3] == "none" ? [] : cells[3].Split('>', '+').Select(Parse).ToList();
            windows.Add(new ActionWindow(cells[0], double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture),
                actions, together, cells.Length > 4 ? cells[4] : ""));
        }

        return windows;
    }

    private static ChallengeAction Parse(string name) => name switch
    {
        "blink" => ChallengeAction.Blink,
        "smile" => ChallengeAction.Smile,
        "open-mouth" => ChallengeAction.OpenMouth,
        _ => throw new FormatException($"unknown action '{name}' in the action windows"),
    };
}
