namespace Rollcall.Faces.Video;

/// <summary>Whether a program can be run: a path to an executable file, or a name found on PATH.</summary>
internal static class ExecutableFiles
{
    public static bool Resolves(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(program);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsExecutable(Path.Combine(dir, program)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
