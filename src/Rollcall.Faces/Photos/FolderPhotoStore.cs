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
                return new StoredPhoto(bytes, $"{file.LastWriteTimeUtc.Ticks:x}-{bytes.Length:x}");
            }
            catch (FileNotFoundException)
            {
                // Removed between the check and the read: try the other extension.
            }
        }

        return null;
    }

    public async Task SaveAsync(string studentId, ReadOnlyMemory<byte> jpegOrPng, CancellationToken cancellationToken)
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
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids = !Directory.Exists(Folder)
            ? []
            : [.. Directory.EnumerateFiles(Folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f)))
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(StudentPhotoKey.IsSafe)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        return Task.FromResult(ids);
    }
}
