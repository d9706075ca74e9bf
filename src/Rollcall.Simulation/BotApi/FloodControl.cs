namespace Rollcall.Simulation.BotApi;

/// <summary>
/// Telegram's flood control for what bots send, as its FAQ states it: in one chat about one message per second (short
/// bursts pass), over all chats about 30 per second. Past either, the call is answered 429 with retry_after, the
/// seconds until it would pass. Messages only: sendMessage, sendPhoto, sendDocument and the like; edits, deletions and
/// callback answers are not counted.
/// </summary>
public sealed record FloodControlOptions
{
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Messages one chat can take at once before the per-second rate applies.</summary>
    public int PerChatBurst { get; init; } = 3;

    public double OverallPerSecond { get; init; } = 30;

    public int OverallBurst { get; init; } = 30;
}

/// <summary>Token buckets per bot: one per chat and one overall (<see cref="FloodControlOptions"/>).</summary>
internal sealed class FloodControl(FloodControlOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private Bucket _overall = new(options.OverallBurst, clock.GetUtcNow());

    public static bool Counts(string method) =>
        method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && !method.Equals("sendChatAction", StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes one message for <paramref name="chatId"/>; the retry_after to answer when it does not pass.</summary>
    public int? Take(long chatId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var chat = (_chats.TryGetValue(chatId, out var known) ? known : new Bucket(options.PerChatBurst, now)).Refill(now, options.PerChatPerSecond, options.PerChatBurst);
            var overall = _overall.Refill(now, options.OverallPerSecond, options.OverallBurst);
            _chats[chatId] = chat;
            _overall = overall;
            if (chat.Tokens < 1 || overall.Tokens < 1)
            {
                var wait = Math.Max(chat.Wait(options.PerChatPerSecond), overall.Wait(options.OverallPerSecond));
                return Math.Max(1, (int)Math.Ceiling(wait));
            }

            _chats[chatId] = chat with { Tokens = chat.Tokens - 1 };
            _overall = overall with { Tokens = overall.Tokens - 1 };
            return null;
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At)
    {
        public Bucket Refill(DateTimeOffset now, double perSecond, int burst) =>
            now <= At ? this : new(Math.Min(burst, Tokens + ((now - At).TotalSeconds * perSecond)), now);

        /// <summary>Seconds until one token is there.</summary>
        public double Wait(double perSecond) => Tokens >= 1 ? 0 : (1 - Tokens) / perSecond;
    }
}
