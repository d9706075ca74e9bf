using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Rollcall.Simulation.BotApi;

/// <summary>A bot registered with the emulator: its identity, its update queue, its webhook and the calls it made.</summary>
public sealed class EmulatedBot
{
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly System.Threading.Channels.Channel<bool> _abandoned = System.Threading.Channels.Channel.CreateUnbounded<bool>();
    private int _stalls;
    private readonly ConcurrentQueue<(string Method, TaskCompletionSource Taken, TaskCompletionSource Released)> _holds = new();
    private readonly Lock _gate = new();
    private readonly Channel<IReadOnlyList<BotCommandEntry>> _menus = Channel.CreateUnbounded<IReadOnlyList<BotCommandEntry>>();
    private IReadOnlyList<BotCommandEntry> _commands = [];

    internal EmulatedBot(string token, long id, string username)
    {
        Token = token;
        Id = id;
        Username = username;
    }

    public string Token { get; }

    public long Id { get; }

    public string Username { get; }

    /// <summary>Every call the bot made, in order, with its parameters as JSON (uploads not included).</summary>
    public IReadOnlyList<BotApiCall> Calls => [.. _calls];

    /// <summary>The commands last set with setMyCommands.</summary>
    public IReadOnlyList<BotCommandEntry> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands;
            }
        }
    }

    /// <summary>The next command menu the bot sets with setMyCommands (deleteMyCommands sets an empty one).</summary>
    public Task<IReadOnlyList<BotCommandEntry>> NextCommandsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _menus.Reader.NextAsync(timeout, $"setMyCommands from @{Username}", cancellationToken);

    /// <summary>The webhook URL, or null while the bot polls.</summary>
    public Uri? WebhookUrl => Webhook?.Url;

    /// <summary>Updates waiting for getUpdates (or for webhook delivery).</summary>
    public int PendingUpdateCount => Updates.PendingCount;

    internal UpdateQueue Updates { get; } = new();

    internal FaultPlan Faults { get; } = new();

    internal FloodControl? Flood { get; private set; }

    private readonly ConcurrentQueue<long> _tooManyRequests = new();

    /// <summary>The chats of the calls flood control answered 429 (<see cref="EnforceFloodControl"/>), in order.</summary>
    public IReadOnlyList<long> TooManyRequests => [.. _tooManyRequests];

    /// <summary>
    /// From now on, the bot's messages meet Telegram's flood control (429 with retry_after past the limits). Off unless
    /// a test turns it on: the emulator then answers as Telegram does to a bot that sends too fast.
    /// </summary>
    public void EnforceFloodControl(FloodControlOptions options, TimeProvider clock) => Flood = new FloodControl(options, clock);

    internal void TooManyRequestsFor(long chatId) => _tooManyRequests.Enqueue(chatId);

    internal WebhookDelivery? Webhook { get; set; }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> (e.g. "sendMessage", or "download" for file downloads) get <paramref name="fault"/>.</summary>
    public void FailNext(string method, BotApiFault fault, int count = 1) => Faults.Add(method, fault, count);

    /// <summary>
    /// The next <paramref name="count"/> file downloads send half the file, then nothing until the client gives up:
    /// a stalled transfer. Each one given up is written to <see cref="AbandonedDownloadAsync"/>.
    /// </summary>
    public void StallNextDownloads(int count = 1) => Interlocked.Add(ref _stalls, count);

    /// <summary>The next stalled download its client gave up on, under the shared default timeout.</summary>
    public Task AbandonedDownloadAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _abandoned.Reader.NextAsync(timeout, "stalled download given up by the client", cancellationToken);

    /// <summary>
    /// The next call of <paramref name="method"/> runs (the chat gets its message), then its answer waits until
    /// <c>Release</c>: a send Telegram took whose answer the caller has not seen yet. <c>Taken</c> completes when it ran.
    /// </summary>
    public (Task Taken, Action Release) HoldNextAnswer(string method)
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds.Enqueue((method, taken, released));
        return (taken.Task, () => released.TrySetResult());
    }

    /// <summary>The answer to hold after this call of <paramref name="method"/>, if one was asked for.</summary>
    internal Task? TakeHold(string method)
    {
        if (!_holds.TryPeek(out var hold) || !string.Equals(hold.Method, method, StringComparison.OrdinalIgnoreCase) || !_holds.TryDequeue(out hold))
        {
            return null;
        }

        hold.Taken.TrySetResult();
        return hold.Released.Task;
    }

    internal bool TakeStall()
    {
        while (true)
        {
            var left = Volatile.Read(ref _stalls);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _stalls, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    internal void Abandoned() => _abandoned.Writer.TryWrite(true);

    /// <summary>How many times the bot called <paramref name="method"/>.</summary>
    public int CallCount(string method) => _calls.Count(call => string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase));

    internal void Record(string method, JsonObject parameters, DateTimeOffset at) =>
        _calls.Enqueue(new BotApiCall(method, parameters.ToJsonString(), at));

    internal void SetCommands(IReadOnlyList<BotCommandEntry> commands)
    {
        lock (_gate)
        {
            _commands = commands;
        }

        _menus.Writer.TryWrite(commands);
    }

    internal JsonObject UserJson() => new()
    {
        ["id"] = Id,
        ["is_bot"] = true,
        ["first_name"] = Username,
        ["username"] = Username,
    };
}

/// <summary>One call a bot made.</summary>
public sealed record BotApiCall(string Method, string ParametersJson, DateTimeOffset At);

/// <summary>A command in the bot's menu.</summary>
public sealed record BotCommandEntry(string Command, string Description);
