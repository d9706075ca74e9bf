using Rollcall.Hosting;

namespace Rollcall.Telegram.Updates;

/// <summary>One bot's per-chat flood counts (<see cref="FloodWindow"/>), kept in memory: a restart forgives every chat.</summary>
public sealed class ChatFloodGate(FloodLimits limits, TimeProvider time)
{
    // Past this many chats counted, the counts whose window ended are forgotten, so the map stays about a class's size.
    private const int PruneAbove = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, FloodCount> _counts = [];

    public FloodLimits Limits => limits;

    /// <summary>Counts one update of <paramref name="chatId"/>: admitted, dropped with a notice, or dropped.</summary>
    public FloodVerdict Count(long chatId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var (verdict, count) = FloodWindow.Count(_counts.TryGetValue(chatId, out var known) ? known : null, now, limits);
            _counts[chatId] = count;
            if (_counts.Count > PruneAbove)
            {
                foreach (var ended in _counts.Where(c => FloodWindow.HasEnded(c.Value, now, limits)).Select(c => c.Key).ToList())
                {
                    _counts.Remove(ended);
                }
            }

            return verdict;
        }
    }
}
