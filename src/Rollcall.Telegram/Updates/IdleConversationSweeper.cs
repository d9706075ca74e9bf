using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Storage.Conversations;

namespace Rollcall.Telegram.Updates;

/// <summary>Every minute, has each bot's router end conversations idle for CONVERSATION_IDLE_MINUTES, and forgets old update ids.</summary>
public sealed class IdleConversationSweeper(
    ConversationStore store,
    [FromKeyedServices(BotRole.Teacher)] IUpdateRouter teacher,
    [FromKeyedServices(BotRole.Student)] IUpdateRouter student,
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

    /// <summary>One round; returns how many conversations it ended with a message.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var ended = await teacher.EndIdleAsync(cancellationToken) + await student.EndIdleAsync(cancellationToken);
        await store.PurgeProcessedUpdatesAsync(time.GetUtcNow() - UpdateIdMemory, cancellationToken);
        return ended;
    }
}
