using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Faces.Onnx;
using Rollcall.Ports;

namespace Rollcall.Faces;

/// <summary>
/// Enrolled photos' embeddings through the cache (IEmbeddingCache, the database's in the bots): one photo for a check-in,
/// or every enrolled face for a self-enrolment, computing only what the cache lacks for the photo's current version.
/// </summary>
public sealed class ReferenceEmbeddings(FaceEngine engine, IPhotoStore photos, IEmbeddingCache cache, IOptions<FaceOptions> options, ILogger<ReferenceEmbeddings> logger)
{
    /// <summary>The embedding of <paramref name="photo"/>, the student's enrolled photo, or why it cannot be used.</summary>
    public async Task<ReferenceFace> OfAsync(string studentId, StoredPhoto photo, CancellationToken cancellationToken)
    {
        var cached = await FindCachedAsync(studentId, photo.VersionTag, cancellationToken);
        if (cached is { Length: > 0 } && cached.Length == FaceEngine.EmbeddingSize)
        {
            return new ReferenceFace(cached, null);
        }

        var reference = await Task.Run(() => ReferenceFace.FromImage(engine, photo.Bytes, options.Value.MinFacePixels), cancellationToken);
        if (reference.Embedding is not null)
        {
            FacesLog.ReferenceComputed(logger, studentId, photo.VersionTag);
            await SaveCachedAsync(studentId, photo.VersionTag, reference.Embedding, cancellationToken);
        }

        return reference;
    }

    /// <summary>
    /// The embedding of every enrolled photo that has a usable face, by student ID: one listing of the store and one read of
    /// the cache, then a download and an embedding only for photos new or changed since they were cached.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, float[]>> AllAsync(CancellationToken cancellationToken)
    {
        var versions = await photos.ListVersionsAsync(cancellationToken);
        var cached = (await cache.ListAsync(cancellationToken)).ToDictionary(c => c.StudentId, StringComparer.Ordinal);
        var all = new Dictionary<string, float[]>(versions.Count, StringComparer.Ordinal);
        foreach (var (studentId, version) in versions)
        {
            if (cached.TryGetValue(studentId, out var hit) && hit.PhotoVersion == version && hit.Embedding.Length == FaceEngine.EmbeddingSize)
            {
                all[studentId] = hit.Embedding;
                continue;
            }

            if (await photos.FindAsync(studentId, cancellationToken) is { } photo && (await OfAsync(studentId, photo, cancellationToken)).Embedding is { } embedding)
            {
                all[studentId] = embedding;
            }
        }

        return all;
    }

    // The durable cache only saves work: when it fails the embedding is simply computed again.
    private async Task<float[]?> FindCachedAsync(string studentId, string version, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.FindAsync(studentId, version, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FacesLog.CacheFailed(logger, studentId, ex);
            return null;
        }
    }

    private async Task SaveCachedAsync(string studentId, string version, float[] embedding, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SaveAsync(studentId, version, embedding, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FacesLog.CacheFailed(logger, studentId, ex);
        }
    }
}
