using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Hosting;
using Rollcall.Observability;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Replies;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Sends the reply outbox: each chat's oldest pending row, one Bot API call per claim, then marks it sent under the same
/// claim. Telegram has no idempotency key, so a kill between its answer and the mark sends that one row again (the
/// "sending" log line before the call tells such a repeat from any other). A reply refused for good is marked failed; one
/// that may pass later waits with backoff while the other chats go on.
/// </summary>
public sealed class ReplyRelay(
    ReplyOutboxStore store,
    BotMessenger messenger,
    IServiceProvider services,
    LeasePolicy leases,
    RollcallMetrics metrics,
    TimeProvider time,
    ILogger<ReplyRelay> logger) : BackgroundService
{
    private const int Batch = 50;
    private const int Parallel = 8;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ObserveInterval = TimeSpan.FromSeconds(5);
    private DateTimeOffset _lastObserved = DateTimeOffset.MinValue;

    /// <summary>How often due rows are looked for when nobody said rows were stored (retries, a sibling's rows, a restart).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database restart must not end the relay: the rows wait and the next pass tries again.
                ReplyRelayLog.RelayFailed(logger, e);
            }

            try
            {
                await messenger.WaitForRowsAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the due head row of up to 50 chats, several chats at a time; returns how many rows were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimDueAsync(Batch, leases.ReplyRow, cancellationToken);
        await System.Threading.Tasks.Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Parallel },
            async (row, _) => await DeliverAsync(row, cancellationToken));
        if (claimed.Count > 0 || time.GetUtcNow() - _lastObserved >= ObserveInterval)
        {
            var (pending, failed, oldest) = await store.CountAsync(cancellationToken);
            metrics.RepliesObserved(pending, failed, oldest);
            _lastObserved = time.GetUtcNow();
        }

        return claimed.Count;
    }

    private async Task DeliverAsync(OutboundReply row, CancellationToken stoppingToken)
    {
        // A claimed row is sent and marked even if the host is stopping meanwhile, within the grace.
        using var grace = new ShutdownGrace(time, stoppingToken);
        if (ReplyRows.Read(row.Bot, row.ChatId, row.Payload, row.Content) is not { } notice)
        {
            ReplyRelayLog.Unreadable(logger, row.Id);
            await store.MarkFailedAsync(row, "unreadable row", grace.Token);
            return;
        }

        (Delivery Delivery, TimeSpan? RetryAfter) delivery;
        try
        {
            ReplyRelayLog.Sending(logger, row.Id, row.Claims, row.ChatId);
            delivery = await services.GetRequiredKeyedService<ReplySender>(notice.Bot).TrySendOnceAsync(row.ChatId, notice.Reply, grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Cut off by the stop: whoever runs next sends it (perhaps twice, if Telegram had it already).
            using var release = new CancellationTokenSource(ShutdownGrace.Period, time);
            await store.ReleaseAsync(row, release.Token);
            return;
        }

        switch (delivery.Delivery)
        {
            case Delivery.Sent when await store.MarkSentAsync(row, time.GetUtcNow(), grace.Token):
                ReplyRelayLog.Sent(logger, row.Id, row.Claims);
                break;
            case Delivery.Sent:
                ReplyRelayLog.LeaseLost(logger, row.Id, row.Claims);
                break;
            case Delivery.Refused:
                ReplyRelayLog.Refused(logger, row.Id, row.ChatId);
                await store.MarkFailedAsync(row, "refused by Telegram", grace.Token);
                break;
            default:
                var pause = RetryBackoff.After(row.Attempts + 1, MaxBackoff);
                pause = delivery.RetryAfter is { } asked && asked > pause ? asked : pause;
                ReplyRelayLog.RetryLater(logger, row.Id, row.ChatId, row.Attempts + 1, time.GetUtcNow() + pause);
                await store.RetryLaterAsync(row, pause, "Telegram failed or unreachable", grace.Token);
                break;
        }
    }
}
