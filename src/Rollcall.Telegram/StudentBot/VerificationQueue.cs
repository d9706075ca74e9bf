using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Bounded channel of verification job ids, fed after commit; the rows are the durable queue, this is the doorbell.</summary>
public sealed class VerificationQueue(IOptions<BotOptions> options)
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<Guid> Reader => _channel.Reader;

    /// <summary>Rings without waiting; when the channel is full the worker's sweep finds the row later.</summary>
    public bool Offer(Guid jobId) => _channel.Writer.TryWrite(jobId);

    /// <summary>Number of ids waiting, for the queue-depth gauge.</summary>
    public int Count => _channel.Reader.Count;
}
