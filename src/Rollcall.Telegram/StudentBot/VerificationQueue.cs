using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Rollcall.Observability;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Bounded channel of verification job ids, fed after commit; the rows are the durable queue, this is the doorbell.</summary>
public sealed class VerificationQueue(IOptions<BotOptions> options, RollcallMetrics metrics)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Rings without waiting; when the channel is full the worker's sweep finds the row later.</summary>
    public bool Offer(Guid jobId)
    {
        if (!_channel.Writer.TryWrite(jobId))
        {
            return false;
        }

        metrics.QueueLengthChanged(1);
        return true;
    }

    /// <summary>Job ids as they arrive, shared by all workers.</summary>
    public async IAsyncEnumerable<Guid> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var jobId in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            metrics.QueueLengthChanged(-1);
            yield return jobId;
        }
    }
}
