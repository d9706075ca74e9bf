using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Logs of the teacher bot outside reports (event ids 5150-5199).</summary>
internal static partial class TeacherBotLog
{
    [LoggerMessage(5150, LogLevel.Warning, "Teacher {TeacherId} has no Telegram chat to be told that the LMS refuses their sign-in")]
    public static partial void NoChatToAlert(ILogger logger, long teacherId);
}
