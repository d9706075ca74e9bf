using System.Threading.Channels;

namespace Rollcall.Telegram.Enrolment;

/// <summary>Bounded channel of enrolment request ids, rung after the commit; the rows are the durable queue, this is the doorbell.</summary>
public sealed class EnrolmentQueue
{
    private const int Capacity = 256;

    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Rings without waiting; when the channel is full the worker's sweep finds the row later.</summary>
    public bool Offer(Guid requestId) => _channel.Writer.TryWrite(requestId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
