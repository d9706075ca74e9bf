using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Logs of the teacher bot and the report scheduler (event ids 3100-3199).</summary>
internal static partial class TeacherBotLog
{
    [LoggerMessage(3100, LogLevel.Information, "Report of session {SessionId} sent to chat {ChatId}: {Present} of {Total} present")]
    public static partial void ReportSent(ILogger logger, Guid sessionId, long chatId, int present, int total);

    [LoggerMessage(3101, LogLevel.Warning, "Report of session {SessionId} could not be sent; it will be retried")]
    public static partial void ReportNotSent(ILogger logger, Guid sessionId);

    [LoggerMessage(3102, LogLevel.Error, "Report round failed")]
    public static partial void ReportRoundFailed(ILogger logger, Exception exception);
}
