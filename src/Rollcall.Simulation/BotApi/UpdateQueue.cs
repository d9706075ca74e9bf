using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>A bot's pending updates: numbered in order, kept until confirmed by a higher offset, awaited by long polls.</summary>
internal sealed class UpdateQueue
{
    // Telegram's default when allowed_updates is empty: everything but these.
    private static readonly HashSet<string> OptIn = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Lock _gate = new();
    private readonly List<(int Id, string Kind, string Json)> _pending = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<string>? _allowed;
    private int _lastId;

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Adds an update of one kind ("message", "callback_query", …) and returns its update_id.</summary>
    public int Add(string kind, JsonObject payload)
    {
        TaskCompletionSource arrived;
        int id;
        lock (_gate)
        {
            id = ++_lastId;
            var update = new JsonObject { ["update_id"] = id, [kind] = payload.DeepClone() };
            _pending.Add((id, kind, update.ToJsonString()));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return id;
    }

    /// <summary>getUpdates: confirms updates below <paramref name="offset"/>, then returns what is pending or waits for it.</summary>
    public async Task<JsonArray> TakeAsync(long offset, int limit, TimeSpan timeout, IReadOnlyList<string>? allowed, CancellationToken cancellationToken)
    {
        // Long polls wait in real time, so a frozen test clock never stalls a poller.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            TimeSpan left;
            lock (_gate)
            {
                Confirm(offset);
                if (allowed is not null)
                {
                    _allowed = allowed.Count == 0 ? null : [.. allowed];
                }

                var ready = Ready(limit);
                left = deadline - DateTime.UtcNow;
                if (ready.Count > 0 || left <= TimeSpan.Zero)
                {
                    return ready;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return [];
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    public void DropAll()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            _pending.RemoveAll(update => update.Id < offset);
        }
        else if (offset < 0 && _pending.Count > -offset)
        {
            _pending.RemoveRange(0, _pending.Count - (int)-offset);
        }
    }

    private JsonArray Ready(int limit)
    {
        // Updates the bot did not ask for are never delivered, as in Telegram.
        _pending.RemoveAll(update => _allowed is null ? OptIn.Contains(update.Kind) : !_allowed.Contains(update.Kind));
        var result = new JsonArray();
        foreach (var update in _pending.Take(limit))
        {
            result.Add(JsonNode.Parse(update.Json));
        }

        return result;
    }
}
