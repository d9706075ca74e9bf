using Microsoft.EntityFrameworkCore;
using Rollcall.Ports;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Faces;

/// <summary>Reference embeddings kept in the database, so a restart does not recompute every photo.</summary>
public sealed class EmbeddingCache(RollcallDatabase database, TimeProvider time) : IEmbeddingCache
{
    public async Task<float[]?> FindAsync(string studentId, string photoVersion, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.FaceEmbeddings.AsNoTracking()
            .SingleOrDefaultAsync(e => e.StudentId == studentId && e.PhotoVersion == photoVersion, cancellationToken);
        return row is null ? null : ProbeBytes.ToFloats(row.Vector);
    }

    public async Task SaveAsync(string studentId, string photoVersion, float[] embedding, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.FaceEmbeddings.SingleOrDefaultAsync(e => e.StudentId == studentId, cancellationToken);
        if (row is null)
        {
            row = new FaceEmbedding { StudentId = studentId };
            db.FaceEmbeddings.Add(row);
        }

        row.PhotoVersion = photoVersion;
        row.Vector = ProbeBytes.FromFloats(embedding)!;
        row.ComputedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another worker cached the same photo at the same moment; its row is as good as ours.
        }
    }

    public async Task<IReadOnlyList<CachedEmbedding>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var rows = await db.FaceEmbeddings.AsNoTracking().Select(e => new { e.StudentId, e.PhotoVersion, e.Vector }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CachedEmbedding(r.StudentId, r.PhotoVersion, ProbeBytes.ToFloats(r.Vector)))];
    }

    public async Task RemoveAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await db.FaceEmbeddings.Where(e => e.StudentId == studentId).ExecuteDeleteAsync(cancellationToken);
    }
}
