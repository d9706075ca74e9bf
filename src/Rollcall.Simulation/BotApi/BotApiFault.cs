namespace Rollcall.Simulation.BotApi;

/// <summary>An error answer the emulator gives instead of running a method.</summary>
public sealed record BotApiFault(int ErrorCode, string Description, int? RetryAfter = null)
{
    /// <summary>429 with <c>parameters.retry_after</c>, as Telegram's flood control answers.</summary>
    public static BotApiFault TooManyRequests(int retryAfterSeconds) =>
        new(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    /// <summary>A 5xx answer, 502 "Bad Gateway" unless told otherwise.</summary>
    public static BotApiFault ServerError(int errorCode = 502) =>
        new(errorCode, errorCode == 502 ? "Bad Gateway" : "Internal Server Error");
}

/// <summary>Faults queued per method: the next N calls of that method get them.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<BotApiFault>> _byMethod = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string method, BotApiFault fault, int count)
    {
        lock (_gate)
        {
            if (!_byMethod.TryGetValue(method, out var queue))
            {
                _byMethod[method] = queue = new Queue<BotApiFault>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public BotApiFault? Take(string method)
    {
        lock (_gate)
        {
            return _byMethod.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }
}

/// <summary>A refused call; the endpoint turns it into Telegram's error JSON.</summary>
/// <remarks>An exception because a bad parameter can surface deep in any handler, as in a real server.</remarks>
internal sealed class BotApiError(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiError BadRequest(string what) => new(400, $"Bad Request: {what}");

    public static BotApiError ChatNotFound() => BadRequest("chat not found");

    public static BotApiError FromFault(BotApiFault fault) => new(fault.ErrorCode, fault.Description, fault.RetryAfter);
}
