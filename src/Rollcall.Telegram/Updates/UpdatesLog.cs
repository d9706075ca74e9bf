using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.Updates;

/// <summary>Logs of the update pipeline (event ids 5000-5099): ids only, never texts, phones or tokens.</summary>
internal static partial class UpdatesLog
{
    [LoggerMessage(5000, LogLevel.Information, "{Bot} bot polling for updates")]
    public static partial void PollingStarted(ILogger logger, BotRole bot);

    [LoggerMessage(5001, LogLevel.Warning, "{Bot} bot: getUpdates failed ({Failures} in a row), retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, BotRole bot, int failures, TimeSpan delay, Exception exception);

    [LoggerMessage(5002, LogLevel.Warning, "{Bot} bot: Telegram asked to wait {Seconds} s (429)")]
    public static partial void RateLimited(ILogger logger, BotRole bot, int seconds);

    [LoggerMessage(5003, LogLevel.Debug, "{Bot} bot: update {UpdateId} was handled before; ignored")]
    public static partial void DuplicateUpdate(ILogger logger, BotRole bot, long updateId);

    [LoggerMessage(5004, LogLevel.Error, "{Bot} bot: update {UpdateId} failed")]
    public static partial void UpdateFailed(ILogger logger, BotRole bot, long updateId, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "Reply {Reply} to chat {ChatId} failed")]
    public static partial void ReplyFailed(ILogger logger, long chatId, string reply, Exception exception);

    [LoggerMessage(5006, LogLevel.Debug, "{Bot} bot: update {UpdateId} from chat {ChatId} read as {Input}")]
    public static partial void UpdateRead(ILogger logger, BotRole bot, long updateId, long chatId, string input);

    [LoggerMessage(5007, LogLevel.Warning, "{Bot} bot: could not remove a webhook before polling")]
    public static partial void WebhookNotRemoved(ILogger logger, BotRole bot, Exception exception);

    [LoggerMessage(5008, LogLevel.Error, "Idle conversation sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(5009, LogLevel.Information, "{Bot} bot: webhook registered")]
    public static partial void WebhookSet(ILogger logger, BotRole bot);

    [LoggerMessage(5010, LogLevel.Warning, "{Bot} bot: setWebhook failed, retrying in {Delay}")]
    public static partial void WebhookNotSet(ILogger logger, BotRole bot, TimeSpan delay, Exception exception);

    [LoggerMessage(5011, LogLevel.Information, "{Bot} bot: command menu of {Count} commands registered")]
    public static partial void CommandsSet(ILogger logger, BotRole bot, int count);

    [LoggerMessage(5012, LogLevel.Warning, "{Bot} bot: setMyCommands failed; the bot works without its menu")]
    public static partial void CommandsNotSet(ILogger logger, BotRole bot, Exception exception);

    [LoggerMessage(5013, LogLevel.Critical, "{Bot} bot has a webhook set ({Url}) and TELEGRAM_MODE is not set: not polling, the webhook is left as it is. Set TELEGRAM_MODE=webhook to serve it, or TELEGRAM_MODE=polling to take the bot over")]
    public static partial void WebhookLeftAlone(ILogger logger, BotRole bot, string url);

    [LoggerMessage(5014, LogLevel.Information, "{Bot} bot: update {UpdateId} from chat {ChatId} dropped (past the chat's flood limit)")]
    public static partial void Flooded(ILogger logger, BotRole bot, long updateId, long chatId);

    [LoggerMessage(5015, LogLevel.Error, "{Bot} bot: a chat lane's work failed")]
    public static partial void LaneFailed(ILogger logger, BotRole bot, Exception exception);
}
