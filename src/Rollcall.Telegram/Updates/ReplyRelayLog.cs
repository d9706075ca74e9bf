using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.Updates;

/// <summary>Logs of the reply relay (event ids 5050-5059): row ids and chat ids only, never texts.</summary>
internal static partial class ReplyRelayLog
{
    /// <summary>Before the Bot API call: a repeat after a kill is explained by a "sending" with no "sent" after it.</summary>
    [LoggerMessage(5050, LogLevel.Information, "Reply row {Row} claim {Claim}: sending to chat {ChatId}")]
    public static partial void Sending(ILogger logger, long row, int claim, long chatId);

    [LoggerMessage(5051, LogLevel.Information, "Reply row {Row} claim {Claim}: sent")]
    public static partial void Sent(ILogger logger, long row, int claim);

    [LoggerMessage(5052, LogLevel.Warning, "Reply row {Row} to chat {ChatId} refused by Telegram for good; not sent again")]
    public static partial void Refused(ILogger logger, long row, long chatId);

    [LoggerMessage(5053, LogLevel.Warning, "Reply row {Row} to chat {ChatId} failed ({Attempts} attempts); trying again at {Next}")]
    public static partial void RetryLater(ILogger logger, long row, long chatId, int attempts, DateTimeOffset next);

    [LoggerMessage(5054, LogLevel.Warning, "Reply row {Row}: its claim {Claim} ran out before it was marked; the next claim sends it again")]
    public static partial void LeaseLost(ILogger logger, long row, int claim);

    [LoggerMessage(5055, LogLevel.Error, "Reply relay pass failed; the rows wait for the next")]
    public static partial void RelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(5056, LogLevel.Error, "Reply row {Row} cannot be read; marked failed")]
    public static partial void Unreadable(ILogger logger, long row);
}
