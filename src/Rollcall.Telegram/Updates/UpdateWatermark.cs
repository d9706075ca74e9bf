namespace Rollcall.Telegram.Updates;

/// <summary>
/// Which updates the poller has taken and which of them are still unfinished (waiting in a chat's lane or in their turn).
/// getUpdates confirms everything below its offset, so the offset stays at the oldest unfinished update: a process
/// killed with updates still queued gets them again from Telegram, and those it had committed are deduplicated. An
/// update unfinished for longer than <see cref="Hold"/> (a slow LMS sign-in) no longer holds the offset: Telegram hands
/// back at most 100 updates from the offset, and a poller that waits on one slow turn would not see new ones.
/// </summary>
internal sealed class UpdateWatermark(TimeProvider time)
{
    /// <summary>How long an unfinished update holds the offset back.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, DateTimeOffset> _unfinished = [];
    private int? _taken;
    private int? _offset;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The offset for the next getUpdates (never lower than one given before); null before the first update.</summary>
    public int? Offset
    {
        get
        {
            lock (_gate)
            {
                return Current();
            }
        }
    }

    /// <summary>Takes an update; false when it was taken before (getUpdates hands back what is still unfinished).</summary>
    public bool TryTake(int updateId)
    {
        lock (_gate)
        {
            if (updateId <= _taken)
            {
                return false;
            }

            _taken = updateId;
            _unfinished.Add(updateId, time.GetUtcNow());
            return true;
        }
    }

    /// <summary>The update is committed, ignored or dropped: Telegram may forget it.</summary>
    public void Finish(int updateId)
    {
        TaskCompletionSource progress;
        lock (_gate)
        {
            if (!_unfinished.Remove(updateId))
            {
                return;
            }

            progress = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        progress.TrySetResult();
    }

    /// <summary>Completes when the offset is no longer <paramref name="offset"/> (at once if it moved already), or after <see cref="Hold"/>.</summary>
    public async Task MovedPastAsync(int? offset, CancellationToken cancellationToken)
    {
        using var held = new CancellationTokenSource(Hold, time);
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Token);
        try
        {
            while (true)
            {
                Task progress;
                lock (_gate)
                {
                    if (Current() != offset)
                    {
                        return;
                    }

                    progress = _progress.Task;
                }

                await progress.WaitAsync(hold.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Held long enough: the next Offset moves past the update that held it.
        }
    }

    private int? Current()
    {
        var now = time.GetUtcNow();
        int? oldest = null;
        foreach (var (id, takenAt) in _unfinished)
        {
            if (now - takenAt < Hold)
            {
                oldest = id;
                break;
            }
        }

        var offset = oldest ?? _taken + 1;
        _offset = _offset is { } before && before > offset ? before : offset;
        return _offset;
    }
}
