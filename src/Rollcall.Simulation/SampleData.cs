namespace Rollcall.Simulation;

/// <summary>
/// The repository's own test and demo data (`samples/`, see its README): photos of 13 people, recordings of 12, and the
/// demo's kit. Found from <see cref="Variable"/>, else by walking up from the working directory and the app.
/// </summary>
public static class SampleData
{
    /// <summary>Points at another copy of the samples folder.</summary>
    public const string Variable = "ROLLCALL_SAMPLES";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The samples folder, or null when neither the variable nor the repository gives one.</summary>
    public static string? Root => Found.Value;

    /// <summary>identities.csv, people/personNN/*.jpg and scenes/.</summary>
    public static string Faces => Require("faces");

    /// <summary>dN.mp4: real people facing a camera, square, full length.</summary>
    public static string Recordings => Require(Path.Combine("videos", "people"));

    /// <summary>Windows of the recordings where a person blinks, smiles, opens the mouth or does none of these (found by looking at frames).</summary>
    public static string Actions => Require(Path.Combine("videos", "actions.csv"));

    /// <summary>The demo's students: NAME.jpg (ID photo) and NAME.mp4 (video note).</summary>
    public static string Demo => Require("demo");

    private static string Require(string folder) =>
        Root is { } root
            ? Path.Combine(root, folder)
            : throw new InvalidOperationException($"The samples folder was not found: run from the repository, or set {Variable}.");

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, "faces", "identities.csv")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
