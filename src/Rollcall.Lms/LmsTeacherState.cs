using System.Collections.Concurrent;

namespace Rollcall.Lms;

/// <summary>Per-teacher state that outlives one gateway instance: the pending-batches cache and the token lock.</summary>
internal sealed class LmsTeacherState
{
    private readonly ConcurrentDictionary<long, (DateTimeOffset ExpiresAt, IReadOnlyList<BatchSubjects> Batches)> _pending = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _tokenLocks = new();

    public IReadOnlyList<BatchSubjects>? CachedPending(long teacherId, DateTimeOffset now) =>
        _pending.TryGetValue(teacherId, out var entry) && now < entry.ExpiresAt ? entry.Batches : null;

    public void CachePending(long teacherId, IReadOnlyList<BatchSubjects> batches, DateTimeOffset expiresAt) =>
        _pending[teacherId] = (expiresAt, batches);

    public void ForgetPending(long teacherId) => _pending.TryRemove(teacherId, out _);

    /// <summary>One refresh or re-login at a time per teacher, so parallel calls do not each log in.</summary>
    public SemaphoreSlim TokenLock(long teacherId) => _tokenLocks.GetOrAdd(teacherId, _ => new SemaphoreSlim(1, 1));
}
