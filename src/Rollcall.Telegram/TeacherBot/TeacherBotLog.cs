using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Logs of the teacher bot and the report scheduler (event ids 5100-5199).</summary>
internal static partial class TeacherBotLog
{
    [LoggerMessage(5100, LogLevel.Information, "Report of session {SessionId} sent to chat {ChatId}: {Present} of {Total} present")]
    public static partial void ReportSent(ILogger logger, Guid sessionId, long chatId, int present, int total);

    [LoggerMessage(5101, LogLevel.Warning, "Report of session {SessionId} could not be sent; it will be retried")]
    public static partial void ReportNotSent(ILogger logger, Guid sessionId);

    [LoggerMessage(5102, LogLevel.Error, "Report round failed")]
    public static partial void ReportRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(5103, LogLevel.Warning, "Teacher {TeacherId} has no Telegram chat to be told that the LMS refuses their sign-in")]
    public static partial void NoChatToAlert(ILogger logger, long teacherId);
}
