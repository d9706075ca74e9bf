namespace Rollcall.Ports;

/// <summary>Durable cache of reference-photo embeddings, keyed by student and photo version.</summary>
public interface IEmbeddingCache
{
    /// <summary>The cached embedding when one exists for exactly this photo version.</summary>
    Task<float[]?> FindAsync(string studentId, string photoVersion, CancellationToken cancellationToken);

    Task SaveAsync(string studentId, string photoVersion, float[] embedding, CancellationToken cancellationToken);

    /// <summary>Removes a student's cached embeddings (privacy: /forget).</summary>
    Task RemoveAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>Every cached embedding with the photo version it was computed from (a comparison with every enrolled face).</summary>
    Task<IReadOnlyList<CachedEmbedding>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>One student's cached reference embedding and the photo version it belongs to.</summary>
public sealed record CachedEmbedding(string StudentId, string PhotoVersion, float[] Embedding);
