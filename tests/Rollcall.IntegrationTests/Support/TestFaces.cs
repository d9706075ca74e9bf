using Rollcall.Simulation;

namespace Rollcall.IntegrationTests.Support;

/// <summary>Named photos from samples/faces (see its SOURCES.md), found through <see cref="SampleData"/>.</summary>
public static class TestFaces
{
    public static string Person01 => Person("person01", "img1.jpg");

    public static string Person01B => Person("person01", "img2.jpg");

    public static string Person01C => Person("person01", "img6.jpg");

    public static string Person02 => Person("person02", "img3.jpg");

    public static string Person02B => Person("person02", "img55.jpg");

    public static string Person03 => Person("person03", "img8.jpg");

    public static string Person05Frontal => Person("person05", "img62.jpg");

    /// <summary>Person05 with the head turned (nose toward the image's left; pose model yaw about -12°).</summary>
    public static string Person05TurnedLeftOfImage => Person("person05", "img16.jpg");

    /// <summary>Person05 with the head turned the other way (nose toward the image's right).</summary>
    public static string Person05TurnedRightOfImage => Person("person05", "img61.jpg");

    /// <summary>Two faces of similar size.</summary>
    public static string Couple => Scene("couple.jpg");

    public static string ManyPeople => Scene("selfie-many-people.jpg");

    /// <summary>The folder holding people/ and scenes/, or null when the samples are not found.</summary>
    public static string? Directory => SampleData.Root is null ? null : SampleData.Faces;

    public static string RequireDirectory() => SampleData.Faces;

    public static string Person(string person, string file) => Path.Combine(RequireDirectory(), "people", person, file);

    public static string Scene(string file) => Path.Combine(RequireDirectory(), "scenes", file);

    /// <summary>All (identity, path) rows of identities.csv.</summary>
    public static IReadOnlyList<(string Identity, string Path)> All()
    {
        var root = RequireDirectory();
        return [.. File.ReadLines(Path.Combine(root, "identities.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(p => (p[0], Path.Combine(root, "people", p[0], p[1])))];
    }
}
