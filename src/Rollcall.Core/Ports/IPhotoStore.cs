namespace Rollcall.Ports;

/// <summary>Where enrolled ID photos live (a folder or S3).</summary>
public interface IPhotoStore
{
    /// <summary>The photo's bytes and a version tag that changes when the photo changes; null when none is enrolled.</summary>
    Task<StoredPhoto?> FindAsync(string studentId, CancellationToken cancellationToken);

    Task SaveAsync(string studentId, ReadOnlyMemory<byte> jpegOrPng, CancellationToken cancellationToken);

    /// <summary>The IDs of every student with an enrolled photo, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>An enrolled photo and the tag (ETag, mtime+size) used to invalidate cached embeddings.</summary>
public sealed record StoredPhoto(byte[] Bytes, string VersionTag);
