using System.Threading.Channels;

namespace Rollcall.Simulation;

/// <summary>Reads the next item of a channel under the shared default timeout, or fails saying what never came.</summary>
public static class ChannelWaiting
{
    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader, TimeSpan? timeout, string what, CancellationToken cancellationToken)
    {
        var limit = timeout ?? SimulationDefaults.Timeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(limit);
        try
        {
            return await reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No {what} within {limit.TotalSeconds:0.#} s.");
        }
    }
}
