namespace Rollcall.Telegram.Updates;

/// <summary>
/// Which updates the poller has taken and which of them are still unfinished (waiting in a chat's lane or in their turn).
/// getUpdates confirms everything below its offset, so the offset stays at the oldest unfinished update: a process
/// killed with updates still queued gets them again from Telegram, and those it had committed are deduplicated.
/// </summary>
internal sealed class UpdateWatermark
{
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _unfinished = [];
    private int? _taken;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The offset for the next getUpdates; null before the first update.</summary>
    public int? Offset
    {
        get
        {
            lock (_gate)
            {
                return _unfinished.Count > 0 ? _unfinished.Min : _taken + 1;
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
            _unfinished.Add(updateId);
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

    /// <summary>Completes when the offset is no longer <paramref name="offset"/> (at once if it moved already).</summary>
    public async Task MovedPastAsync(int? offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                if ((_unfinished.Count > 0 ? _unfinished.Min : _taken + 1) != offset)
                {
                    return;
                }

                progress = _progress.Task;
            }

            await progress.WaitAsync(cancellationToken);
        }
    }
}
