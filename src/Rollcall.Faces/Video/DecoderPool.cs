using System.Collections.Concurrent;

namespace Rollcall.Faces.Video;

/// <summary>How decoder children are started: the program (with any leading arguments), the largest picture, the folder of the shared memory.</summary>
internal sealed record DecoderSettings(string[] Command, long MaxPixels, string? SharedFolder)
{
    /// <summary>The decoder shipped next to this assembly (rollcall-decoder), or the one a test names.</summary>
    public static DecoderSettings Of(FaceOptions options) =>
        new(options.DecoderProgram is { } program ? [program] : Shipped(), options.MaxVideoPixels, options.TempFolder);

    public bool Equals(DecoderSettings? other) =>
        other is not null && Command.AsSpan().SequenceEqual(other.Command) && MaxPixels == other.MaxPixels && SharedFolder == other.SharedFolder;

    public override int GetHashCode() => HashCode.Combine(string.Join('\0', Command), MaxPixels, SharedFolder);

    private static string[] Shipped()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "rollcall-decoder");
        return File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(AppContext.BaseDirectory, "rollcall-decoder.dll")];
    }
}

/// <summary>
/// Long-lived decoder children, at most one per core for each configuration: a note rents one, and gives it back unless it
/// died, overran or was killed (then it is thrown away and a new one starts on the next rent). Process-wide, as the children
/// are; <see cref="StopAll"/> ends them (the host calls it on stop; a child whose host is gone exits when its stdin closes).
/// </summary>
internal sealed class DecoderPool : IDisposable
{
    private static readonly ConcurrentDictionary<DecoderSettings, DecoderPool> Pools = new();

    private readonly DecoderSettings settings;
    private readonly SemaphoreSlim free;
    private readonly ConcurrentStack<DecoderProcess> idle = new();
    private readonly ConcurrentDictionary<int, DecoderProcess> live = new();
    private volatile bool stopped;

    static DecoderPool() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    /// <summary>A pool of its own, outside the process-wide ones (tests).</summary>
    internal DecoderPool(DecoderSettings settings, int size)
    {
        this.settings = settings;
        free = new SemaphoreSlim(size, size);
    }

    /// <summary>The pool for these options (created on first use).</summary>
    public static DecoderPool For(FaceOptions options) => Pools.GetOrAdd(DecoderSettings.Of(options), s => new DecoderPool(s, Environment.ProcessorCount));

    /// <summary>Process ids of the children alive in every pool (tests, and the CPU count of the bench).</summary>
    public static IReadOnlyList<int> LiveIds() => [.. Pools.Values.SelectMany(p => p.live.Keys)];

    /// <summary>CPU time used so far by the live children of every pool (finished ones are in RUSAGE_CHILDREN).</summary>
    public static TimeSpan LiveCpu() => Pools.Values.SelectMany(p => p.live.Values).Aggregate(TimeSpan.Zero, (sum, child) => sum + child.Cpu);

    /// <summary>Ends every child of every pool and waits for them.</summary>
    public static void StopAll()
    {
        foreach (var key in Pools.Keys)
        {
            if (Pools.TryRemove(key, out var pool))
            {
                pool.Dispose();
            }
        }
    }

    /// <summary>A child for one note: an idle one, or a new one; waits while every one is busy. The token ends the wait.</summary>
    public DecoderProcess Rent(int cpuSeconds, CancellationToken cancellationToken)
    {
        free.Wait(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            while (idle.TryPop(out var child))
            {
                if (child.Healthy)
                {
                    return child;
                }

                Discard(child);
            }

            var started = DecoderProcess.Start(settings, cpuSeconds, cancellationToken);
            live[started.Id] = started;
            if (stopped)
            {
                Discard(started);
                throw new ObjectDisposedException(nameof(DecoderPool));
            }

            return started;
        }
        catch
        {
            free.Release();
            throw;
        }
    }

    /// <summary>Takes the child back: kept for the next note when it finished this one cleanly, else ended.</summary>
    public void Return(DecoderProcess child)
    {
        if (child.Healthy && !stopped)
        {
            idle.Push(child);
        }
        else
        {
            Discard(child);
        }

        free.Release();
    }

    public void Dispose()
    {
        stopped = true;
        while (idle.TryPop(out var child))
        {
            Discard(child);
        }

        // Children out on a note are killed; their note fails as a fault and Return discards them.
        foreach (var child in live.Values)
        {
            child.Kill();
        }
    }

    private void Discard(DecoderProcess child)
    {
        live.TryRemove(child.Id, out _);
        child.Dispose();
    }
}
