namespace Rollcall.Hosting;

/// <summary>
/// A token that ends <see cref="Period"/> after the stop signal instead of at it: work already taken (an update being
/// answered, a decided verification's reply, giving a lease back) finishes in an orderly stop instead of being cut off.
/// </summary>
public sealed class ShutdownGrace : IDisposable
{
    /// <summary>Short enough to fit a host's stop timeout (30 s by default; the tests stop with 5 s).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _stopping;

    public ShutdownGrace(TimeProvider time, CancellationToken stopping)
    {
        _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _stopping = stopping.Register(static source => ((CancellationTokenSource)source!).CancelAfter(Period), _source);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        _source.Dispose();
    }
}
