using System.Diagnostics;

namespace Rollcall.Simulation.Load;

/// <summary>
/// Samples this process's peak working set and a caller's probe (e.g. the verification queue depth) at a fixed period
/// until disposed; CPU time is read from the process at the end.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _startCpu;
    private long _peakWorkingSet;
    private long _peakProbe;

    public ProcessSampler(Func<CancellationToken, Task<long>>? probe, TimeSpan period, TimeProvider? time = null)
    {
        using var process = Process.GetCurrentProcess();
        _startCpu = process.TotalProcessorTime;
        _peakWorkingSet = process.WorkingSet64;
        _loop = RunAsync(probe, period, time ?? TimeProvider.System, _stop.Token);
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>The largest value the probe returned; -1 when there is no probe or it never answered.</summary>
    public long PeakProbe => Interlocked.Read(ref _peakProbe);

    /// <summary>CPU time (user + kernel, all threads) this process used since the sampler started.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime - _startCpu;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(Func<CancellationToken, Task<long>>? probe, TimeSpan period, TimeProvider time, CancellationToken cancellationToken)
    {
        _peakProbe = -1;
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                using (var process = Process.GetCurrentProcess())
                {
                    Max(ref _peakWorkingSet, process.WorkingSet64);
                }

                if (probe is not null)
                {
                    try
                    {
                        Max(ref _peakProbe, await probe(cancellationToken));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A probe that fails (a database restart mid-run) only loses that sample.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
