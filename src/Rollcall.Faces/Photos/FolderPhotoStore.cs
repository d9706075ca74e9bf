using Rollcall.Ports;

namespace Rollcall.Faces.Photos;

/// <summary>ID photos as `{student_id}.jpg` or `.png` in one folder; the version tag is the file's mtime and size.</summary>
public sealed class FolderPhotoStore(string folder) : IPhotoStore
{
    private static readonly string[] Extensions = [".jpg", ".png"];

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<StoredPhoto?> FindAsync(string studentId, CancellationToken cancellationToken)
    {
        if (!StudentPhotoKey.IsSafe(studentId))
        {
            return null;
        }

        foreach (var extension in Extensions)
        {
            var file = new FileInfo(Path.Combine(Folder, studentId + extension));
            if (!file.Exists)
            {
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
                return new StoredPhoto(bytes, Tag(file.LastWriteTimeUtc, bytes.Length));
            }
            catch (FileNotFoundException)
            {
                // Removed between the check and the read: try the other extension.
            }
        }

        return null;
    }

    public async Task<string> SaveAsync(string studentId, ReadOnlyMemory<byte> jpegOrPng, CancellationToken cancellationToken)
    {
        StudentPhotoKey.Require(studentId);
        Directory.CreateDirectory(Folder);
        var extension = StudentPhotoKey.IsPng(jpegOrPng.Span) ? ".png" : ".jpg";
        var target = Path.Combine(Folder, studentId + extension);
        var temp = Path.Combine(Folder, $".{studentId}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temp, jpegOrPng.ToArray(), cancellationToken);
        File.Move(temp, target, overwrite: true);
        foreach (var other in Extensions)
        {
            if (other != extension)
            {
                File.Delete(Path.Combine(Folder, studentId + other));
            }
        }

        var saved = new FileInfo(target);
        return Tag(saved.LastWriteTimeUtc, saved.Length);
    }

    public Task DeleteAsync(string studentId, CancellationToken cancellationToken)
    {
        StudentPhotoKey.Require(studentId);
        foreach (var extension in Extensions)
        {
            File.Delete(Path.Combine(Folder, studentId + extension));
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListVersionsAsync(cancellationToken)).Select(p => p.StudentId)];

    public Task<IReadOnlyList<PhotoVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        // .jpg before .png, as FindAsync looks for them.
        IReadOnlyList<PhotoVersion> photos = !Directory.Exists(Folder)
            ? []
            : [.. new DirectoryInfo(Folder).EnumerateFiles()
                .Where(f => Extensions.Contains(f.Extension) && StudentPhotoKey.IsSafe(Path.GetFileNameWithoutExtension(f.Name)))
                .OrderBy(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.Ordinal)
                .ThenBy(f => Array.IndexOf(Extensions, f.Extension))
                .DistinctBy(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.Ordinal)
                .Select(f => new PhotoVersion(Path.GetFileNameWithoutExtension(f.Name), Tag(f.LastWriteTimeUtc, f.Length)))];
        return Task.FromResult(photos);
    }

    private static string Tag(DateTime writtenUtc, long length) => $"{writtenUtc.Ticks:x}-{length:x}";
}
