namespace Rollcall.Hosting;

/// <summary>How long a relay waits before trying a row again: doubling per attempt up to a cap, with ±20 % jitter so rows failed together do not retry together.</summary>
public static class RetryBackoff
{
    public static TimeSpan After(int attempts, TimeSpan max)
    {
        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(attempts, 10)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
