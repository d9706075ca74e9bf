using System.Threading.Channels;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Work kept apart by chat (audit M1): one chat's items run one at a time and in order, different chats' items run at
/// once on up to the given number of workers, and the chats take turns (a chat with a long queue goes to the back after
/// each item), so one busy or slowed chat never holds up the others. A chat holds at most <paramref name="capacity"/>
/// items, the one running included: a flooding chat cannot grow its queue without bound.
/// </summary>
public sealed class ChatLanes<T>(int capacity)
{
    private readonly Lock _gate = new();

    // A chat is here while it has an item waiting or running; it is then in _ready exactly once, or held by one worker.
    private readonly Dictionary<long, Queue<T>> _lanes = [];
    private readonly Channel<long> _ready = Channel.CreateUnbounded<long>();
    private TaskCompletionSource _idle = Idle();

    /// <summary>Items waiting or running, over all chats.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Values.Sum(lane => lane.Count);
            }
        }
    }

    /// <summary>Queues an item behind the chat's others; false when the chat's lane is full.</summary>
    public bool TryAdd(long chatId, T item)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(chatId, out var lane))
            {
                if (lane.Count >= capacity)
                {
                    return false;
                }

                lane.Enqueue(item);
                return true;
            }

            if (_lanes.Count == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _lanes[chatId] = new Queue<T>([item]);
        }

        _ready.Writer.TryWrite(chatId);
        return true;
    }

    /// <summary>Runs <paramref name="workers"/> loops handing each chat's items to <paramref name="handle"/> until cancelled.</summary>
    /// <remarks><paramref name="handle"/> owns its errors; one it lets through is given to <paramref name="failed"/> and the lane goes on.</remarks>
    public Task RunAsync(int workers, Func<long, T, CancellationToken, Task> handle, Action<Exception> failed, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(handle, failed, cancellationToken)));

    /// <summary>Completes when no chat has an item waiting or running.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task WorkAsync(Func<long, T, CancellationToken, Task> handle, Action<Exception> failed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatId in _ready.Reader.ReadAllAsync(cancellationToken))
            {
                T item;
                lock (_gate)
                {
                    item = _lanes[chatId].Peek();
                }

                try
                {
                    await handle(chatId, item, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failed(e);
                }

                Next(chatId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is the caller's to account for.
        }
    }

    /// <summary>Drops the item just run; the chat goes to the back of the line when it has more.</summary>
    private void Next(long chatId)
    {
        lock (_gate)
        {
            var lane = _lanes[chatId];
            lane.Dequeue();
            if (lane.Count > 0)
            {
                _ready.Writer.TryWrite(chatId);
                return;
            }

            _lanes.Remove(chatId);
            if (_lanes.Count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.TrySetResult();
        return idle;
    }
}
