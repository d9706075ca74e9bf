using System.IO.MemoryMappedFiles;

namespace Rollcall.Faces.Video;

/// <summary>The file both sides map for frames: private (0600), its blocks reserved up front, its name removed once mapped.</summary>
internal static class SharedSlots
{
    /// <summary>Creates and maps the file; a full or read-only folder is our failure (TempStorage), never the student's.</summary>
    public static (string Path, MemoryMappedFile Map) Create(string? folder, long bytes)
    {
        folder ??= Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(folder, $"rollcall-frames-{Guid.NewGuid():N}");
        try
        {
            // Reserved now (fallocate), so a full tmpfs fails here and never as SIGBUS on a page of the mapping later.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, PreallocationSize = bytes };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var file = new FileStream(path, options);
            try
            {
                file.SetLength(bytes);
                return (path, MemoryMappedFile.CreateFromFile(file, null, bytes, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false));
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Delete(path);
            throw new FaceEngineFaultException(FaceEngineFault.TempStorage, $"the decoder's frame memory could not be made in {folder}", ex);
        }
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file is private to this user.
        }
    }
}
