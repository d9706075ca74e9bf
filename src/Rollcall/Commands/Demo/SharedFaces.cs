namespace Rollcall.Commands.Demo;

/// <summary>Finds the photo set (`shared/faces`) that sits beside a checkout of the repository.</summary>
internal static class SharedFaces
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "faces"), Path.Combine(dir.FullName, "..", "shared", "faces") })
                {
                    if (File.Exists(Path.Combine(candidate, "identities.csv")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }
}
