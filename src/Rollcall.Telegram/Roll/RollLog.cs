using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.Roll;

/// <summary>Logs of the live roll (event ids 5300-5399).</summary>
internal static partial class RollLog
{
    [LoggerMessage(5300, LogLevel.Error, "Live roll round failed")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
