namespace Rollcall.Faces.Video;

/// <summary>A video note written to a private (0600) temp file for the decoder, deleted on dispose.</summary>
internal sealed class NoteFile : IDisposable
{
    private NoteFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>Writes the note; a full or read-only temp folder is our failure, never the student's.</summary>
    public static NoteFile Write(ReadOnlySpan<byte> bytes, string? folder)
    {
        folder ??= System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(folder, $"rollcall-{Guid.NewGuid():N}.mp4");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, options))
            {
                file.Write(bytes);
            }

            return new NoteFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Delete(path);
            throw new FaceEngineFaultException(FaceEngineFault.TempStorage, $"the video note could not be written to {folder}", ex);
        }
    }

    public void Dispose() => Delete(Path);

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file is private to this user and in the temp folder.
        }
    }
}
