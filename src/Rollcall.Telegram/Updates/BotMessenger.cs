using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage;
using Rollcall.Storage.Replies;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Sends notices through whichever bot they name: the teacher bot tells a student nothing, the student bot does.
/// A decision's notices are stored in its transaction instead (<see cref="Enqueue"/>) and the <see cref="ReplyRelay"/>
/// sends them, so a kill between the commit and the send loses none.
/// </summary>
public sealed class BotMessenger(IServiceProvider services) : IDisposable
{
    private readonly SemaphoreSlim _stored = new(0, 1);

    public async Task SendAsync(IEnumerable<Notice> notices, CancellationToken cancellationToken)
    {
        foreach (var notice in notices)
        {
            var sender = services.GetRequiredKeyedService<ReplySender>(notice.Bot);
            await sender.SendAsync(notice.ChatId, [notice.Reply], cancellationToken);
        }
    }

    /// <summary>Adds the notices to the caller's unit of work as reply outbox rows, in order; its commit makes them due.</summary>
    public static void Enqueue(RollcallDb db, IEnumerable<Notice> notices, DateTimeOffset now) =>
        ReplyOutbox.Enqueue(db, ReplyRows.From(notices), now);

    /// <summary>Tells the relay that rows were committed, so it sends them now rather than at its next poll.</summary>
    public void Stored()
    {
        try
        {
            _stored.Release();
        }
        catch (SemaphoreFullException)
        {
            // The relay has been told already.
        }
    }

    /// <summary>Waits until <see cref="Stored"/> is called or <paramref name="poll"/> passes.</summary>
    internal async Task WaitForRowsAsync(TimeSpan poll, CancellationToken cancellationToken) =>
        await _stored.WaitAsync(poll, cancellationToken);

    public void Dispose() => _stored.Dispose();
}
