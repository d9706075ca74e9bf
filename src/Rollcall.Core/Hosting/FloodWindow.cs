namespace Rollcall.Hosting;

/// <summary>How many updates one chat may send within one window (CHAT_FLOOD_MAX_UPDATES, CHAT_FLOOD_WINDOW_SECONDS).</summary>
public sealed record FloodLimits(int MaxUpdates, TimeSpan Window);

/// <summary>One chat's updates in its current window, which began at its first update, and whether it was told to slow down.</summary>
public readonly record struct FloodCount(DateTimeOffset WindowStart, int Updates, bool Told);

/// <summary>What becomes of one update.</summary>
public enum FloodVerdict
{
    /// <summary>Within the limit: handled like any other update.</summary>
    Admit,

    /// <summary>The first update past the limit in this window: dropped, and the chat hears one short notice.</summary>
    DropAndTell,

    /// <summary>Past the limit, the chat was told already: dropped silently.</summary>
    Drop,
}

/// <summary>
/// The per-chat flood rule (audit M1): a chat may send <see cref="FloodLimits.MaxUpdates"/> updates in a window that starts
/// at its first update and lasts <see cref="FloodLimits.Window"/>; the rest of the window's updates are dropped, and the
/// first of them earns one notice. A window starting at the first update, not on the clock, never splits a check-in
/// unevenly; at its edge a chat can get at most twice the limit through in one window's time.
/// </summary>
public static class FloodWindow
{
    /// <summary>Counts one update of a chat at <paramref name="now"/>: the verdict and the chat's count after it.</summary>
    public static (FloodVerdict Verdict, FloodCount Count) Count(FloodCount? count, DateTimeOffset now, FloodLimits limits)
    {
        var current = count is { } known && !HasEnded(known, now, limits) ? known : new FloodCount(now, 0, Told: false);
        if (current.Updates < limits.MaxUpdates)
        {
            return (FloodVerdict.Admit, current with { Updates = current.Updates + 1 });
        }

        return current.Told ? (FloodVerdict.Drop, current) : (FloodVerdict.DropAndTell, current with { Told = true });
    }

    /// <summary>Whether the count's window is over at <paramref name="now"/> (a clock that went back ends it too), so it can be forgotten.</summary>
    public static bool HasEnded(FloodCount count, DateTimeOffset now, FloodLimits limits) =>
        now < count.WindowStart || now - count.WindowStart >= limits.Window;
}
