namespace Rollcall.Ports;

/// <summary>Where enrolled ID photos live (a folder or S3).</summary>
public interface IPhotoStore
{
    /// <summary>The photo's bytes and a version tag that changes when the photo changes; null when none is enrolled.</summary>
    Task<StoredPhoto?> FindAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>Stores the photo; returns its version tag (as <see cref="FindAsync"/> would give it).</summary>
    Task<string> SaveAsync(string studentId, ReadOnlyMemory<byte> jpegOrPng, CancellationToken cancellationToken);

    /// <summary>Removes the student's photo, if any (a self-enrolled photo after /forget).</summary>
    Task DeleteAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>The IDs of every student with an enrolled photo, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every enrolled photo's ID and version tag without reading the photos (a listing), in ordinal order of IDs.</summary>
    Task<IReadOnlyList<PhotoVersion>> ListVersionsAsync(CancellationToken cancellationToken);
}

/// <summary>An enrolled photo and the tag (ETag, mtime+size) used to invalidate cached embeddings.</summary>
public sealed record StoredPhoto(byte[] Bytes, string VersionTag);

/// <summary>Which photo version a student has, from the store's listing.</summary>
public sealed record PhotoVersion(string StudentId, string VersionTag);
