using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.Reports;

/// <summary>Logs of the report scheduler (event ids 5100-5149).</summary>
internal static partial class ReportsLog
{
    [LoggerMessage(5100, LogLevel.Information, "Report of session {SessionId} sent to chat {ChatId}: {Present} of {Total} present")]
    public static partial void ReportSent(ILogger logger, Guid sessionId, long chatId, int present, int total);

    [LoggerMessage(5101, LogLevel.Warning, "Report of session {SessionId}: part {Part} of {Parts} could not be sent; a later round sends the rest")]
    public static partial void ReportNotSent(ILogger logger, Guid sessionId, int part, int parts);

    [LoggerMessage(5102, LogLevel.Error, "Report round failed")]
    public static partial void ReportRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(5103, LogLevel.Warning, "Report of session {SessionId}: claim {Claim} ran out and the report was claimed again; this claim stops")]
    public static partial void ReportClaimLost(ILogger logger, Guid sessionId, int claim);
}
