using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Hosting;
using Rollcall.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Long-polls getUpdates for one bot and hands each update to its router; survives errors with backoff and honours 429.
/// A webhook set elsewhere is deleted only when TELEGRAM_MODE=polling was said (<paramref name="takeOverWebhook"/>):
/// otherwise polling would silently stop a webhook deployment of the same bot.
/// </summary>
/// <remarks>
/// One chat cannot stall the others (audit M1): each update passes the chat's flood count (<see cref="ChatFloodGate"/>),
/// then waits in its chat's lane; the turns of different chats run at once, each chat's in order, and their replies go
/// out through lanes of their own, so a chat waiting out a 429 holds up no turn and no other chat's replies.
/// </remarks>
public sealed class BotPoller(
    BotRole role,
    ITelegramBotClient bot,
    IUpdateRouter router,
    ReplySender sender,
    ChatFloodGate flood,
    bool takeOverWebhook,
    TimeProvider time,
    ILogger<BotPoller> logger)
    : BackgroundService
{
    /// <summary>Turns at once, over all chats: a turn mostly waits on the database, whose writes queue anyway.</summary>
    public static int TurnWorkers => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>Chats whose replies go out at once: a send mostly waits on Telegram (or out a 429).</summary>
    public const int SendWorkers = 16;

    private readonly UpdateWatermark _watermark = new(time);

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

        // A lane holds what one window's edge can let through (twice the limit): a full lane means the chat's turns are stuck.
        var turns = new ChatLanes<Intake>(2 * flood.Limits.MaxUpdates);
        var replies = new ChatLanes<TurnReplies>(4 * flood.Limits.MaxUpdates);
        using var sendsStop = new CancellationTokenSource();
        var turning = turns.RunAsync(TurnWorkers, (_, intake, ct) => TurnAsync(intake, replies, ct), e => UpdatesLog.LaneFailed(logger, role, e), stoppingToken);
        var sending = replies.RunAsync(SendWorkers, (_, turn, ct) => turn.SendAsync(ct), e => UpdatesLog.LaneFailed(logger, role, e), sendsStop.Token);
        try
        {
            await PollAsync(turns, stoppingToken);
        }
        finally
        {
            // Turns cut short roll back and come again from Telegram; committed turns' replies get the grace period.
            await turning;
            using (var grace = new ShutdownGrace(time, stoppingToken))
            {
                try
                {
                    await replies.WhenIdleAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // The grace period is over: what is still queued is lost with the process, as a kill would lose it.
                }
            }

            await sendsStop.CancelAsync();
            await sending;
        }
    }

    private async Task PollAsync(ChatLanes<Intake> turns, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            var offset = _watermark.Offset;
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

            var fresh = 0;
            foreach (var update in updates.Where(u => _watermark.TryTake(u.Id)))
            {
                fresh++;
                Admit(update, turns);
            }

            if (updates.Length > 0 && fresh == 0)
            {
                // Telegram handed back only updates still in their lanes: ask again once one of them is done.
                try
                {
                    await _watermark.MovedPastAsync(offset, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Counts the update against its chat's flood limit, then queues it in the chat's lane, or drops it.</summary>
    private void Admit(Update update, ChatLanes<Intake> turns)
    {
        if (InputReader.Read(update) is not { Input: not BotInput.NotPrivateChat } inbound)
        {
            // Nothing to answer, or a group or channel: the router would ignore it, so it takes no lane.
            _watermark.Finish(update.Id);
            return;
        }

        var chatId = inbound.ChatId;
        var verdict = flood.Count(chatId);
        if (verdict == FloodVerdict.Admit && turns.TryAdd(chatId, new Intake(chatId, update)))
        {
            return;
        }

        // Dropped: past the chat's limit, or its lane is full because its turns are stuck. The notice takes the lane
        // (when it has room), so it comes after the answers to the chat's updates before it.
        _watermark.Finish(update.Id);
        UpdatesLog.Flooded(logger, role, update.Id, chatId);
        if (verdict != FloodVerdict.Drop)
        {
            turns.TryAdd(chatId, new Intake(chatId, null));
        }
    }

    /// <summary>One update's turn (or the flood notice); its replies queue behind the chat's earlier ones, or go out here when that queue is full.</summary>
    private async Task TurnAsync(Intake intake, ChatLanes<TurnReplies> replies, CancellationToken cancellationToken)
    {
        TurnReplies? turn;
        if (intake.Update is not { } update)
        {
            turn = new TurnReplies(intake.ChatId, ct => sender.SendAsync(intake.ChatId, [Reply.Text(TextKey.TooManyMessages)], ct));
        }
        else
        {
            try
            {
                turn = await router.TakeTurnAsync(update, cancellationToken);
            }
            finally
            {
                // Moving past a failed update too (the router answered it): a poison update cannot loop.
                if (!cancellationToken.IsCancellationRequested)
                {
                    _watermark.Finish(update.Id);
                }
            }
        }

        if (turn is not null && !replies.TryAdd(turn.ChatId, turn))
        {
            await turn.SendAsync(cancellationToken);
        }
    }

    /// <summary>What waits in a chat's lane: an update for its turn, or (null) the chat's flood notice.</summary>
    private sealed record Intake(long ChatId, Update? Update);

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
