using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Long-polls getUpdates for one bot and hands each update to its router; survives errors with backoff and honours 429.
/// A webhook set elsewhere is deleted only when TELEGRAM_MODE=polling was said (<paramref name="takeOverWebhook"/>):
/// otherwise polling would silently stop a webhook deployment of the same bot.
/// </summary>
public sealed class BotPoller(BotRole role, ITelegramBotClient bot, IUpdateRouter router, bool takeOverWebhook, TimeProvider time, ILogger<BotPoller> logger)
    : BackgroundService
{
    /// <summary>Seconds Telegram holds a getUpdates call open; the HTTP timeout is longer.</summary>
    public const int PollSeconds = 25;

    /// <summary>edited_message carries a live location's later fixes (H2).</summary>
    public static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        UpdatesLog.PollingStarted(logger, role);
        if (takeOverWebhook)
        {
            await RemoveWebhookAsync(stoppingToken);
        }
        else if (await SetWebhookUrlAsync(stoppingToken) is { Length: > 0 } url)
        {
            UpdatesLog.WebhookLeftAlone(logger, role, url);
            throw new InvalidOperationException(
                $"The {role.ToString().ToLowerInvariant()} bot has a webhook set ({url}): not polling, and the webhook is left as it is. "
                + "Set TELEGRAM_MODE=webhook to serve it, or TELEGRAM_MODE=polling to take the bot over from the webhook.");
        }

        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            global::Telegram.Bot.Types.Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, PollSeconds, Allowed, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.Parameters?.RetryAfter is int seconds)
            {
                UpdatesLog.RateLimited(logger, role, seconds);
                await Task.Delay(TimeSpan.FromSeconds(seconds), time, stoppingToken);
                continue;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
            {
                failures++;
                var delay = Backoff(failures);
                UpdatesLog.PollFailed(logger, role, failures, delay, e);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            foreach (var update in updates)
            {
                // Like Telegram.Bot's own receiver: move past the update before handling it, so a poison update cannot loop.
                offset = update.Id + 1;
                await router.HandleAsync(update, stoppingToken);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … capped at 30 s.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));

    /// <summary>The bot's webhook URL ("" when none); "" too when Telegram cannot say, so a flaky getWebhookInfo never stops the bot.</summary>
    private async Task<string> SetWebhookUrlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await bot.GetWebhookInfo(cancellationToken)).Url;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            UpdatesLog.WebhookNotRemoved(logger, role, e);
            return "";
        }
    }

    private async Task RemoveWebhookAsync(CancellationToken cancellationToken)
    {
        try
        {
            await bot.DeleteWebhook(cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            UpdatesLog.WebhookNotRemoved(logger, role, e);
        }
    }
}
