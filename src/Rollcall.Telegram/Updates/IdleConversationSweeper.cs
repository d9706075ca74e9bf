using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Storage.Conversations;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>Ends conversations idle for CONVERSATION_IDLE_MINUTES with a message, and forgets old update ids.</summary>
public sealed class IdleConversationSweeper(
    ConversationStore store,
    [FromKeyedServices(BotRole.Teacher)] ReplySender teacher,
    [FromKeyedServices(BotRole.Student)] ReplySender student,
    IOptions<ClassroomOptions> options,
    TimeProvider time,
    ILogger<IdleConversationSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UpdateIdMemory = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    UpdatesLog.SweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round; returns how many conversations it ended.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var minutes = options.Value.ConversationIdleMinutes;
        var ended = 0;
        foreach (var (role, sender) in new[] { (BotRole.Teacher, teacher), (BotRole.Student, student) })
        {
            var bot = role.ToString();
            var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(minutes);
            foreach (var stale in await store.ListStaleAsync(bot, cutoff, 100, cancellationToken))
            {
                if (await store.TryEndAsync(bot, stale, time.GetUtcNow(), cancellationToken))
                {
                    await sender.SendAsync(stale.ChatId, [Reply.Text(new Keyboard.Remove(), TextKey.IdleTimeout, minutes)], cancellationToken);
                    ended++;
                }
            }
        }

        await store.PurgeProcessedUpdatesAsync(time.GetUtcNow() - UpdateIdMemory, cancellationToken);
        return ended;
    }
}
