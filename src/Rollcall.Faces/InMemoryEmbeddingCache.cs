using System.Collections.Concurrent;
using Rollcall.Ports;

namespace Rollcall.Faces;

/// <summary>A process-local IEmbeddingCache for tests and the CLI; the bot uses the database's durable one.</summary>
public sealed class InMemoryEmbeddingCache : IEmbeddingCache
{
    private readonly ConcurrentDictionary<string, (string Version, float[] Embedding)> entries = new();

    public Task<float[]?> FindAsync(string studentId, string photoVersion, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue(studentId, out var e) && e.Version == photoVersion ? e.Embedding : null);

    public Task SaveAsync(string studentId, string photoVersion, float[] embedding, CancellationToken cancellationToken)
    {
        entries[studentId] = (photoVersion, embedding);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string studentId, CancellationToken cancellationToken)
    {
        entries.TryRemove(studentId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CachedEmbedding>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CachedEmbedding>>([.. entries.Select(e => new CachedEmbedding(e.Key, e.Value.Version, e.Value.Embedding))]);
}
