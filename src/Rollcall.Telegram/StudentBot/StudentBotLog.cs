using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Logs of the student bot and the verification worker (event ids 5200-5299).</summary>
internal static partial class StudentBotLog
{
    [LoggerMessage(5200, LogLevel.Information, "Verification workers started: {Workers}")]
    public static partial void WorkersStarted(ILogger logger, int workers);

    [LoggerMessage(5201, LogLevel.Information, "Job {JobId} (session {SessionId}, attempt {Attempt}): {Outcome} in {Seconds:0.00} s")]
    public static partial void JobDone(ILogger logger, Guid jobId, Guid sessionId, int attempt, string outcome, double seconds);

    [LoggerMessage(5202, LogLevel.Error, "Job {JobId} failed; it will be retried when its lease ends")]
    public static partial void JobFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(5206, LogLevel.Warning, "Job {JobId}: the face check failed on our side ({Fault}); no attempt is used, it runs again later")]
    public static partial void FaceEngineFault(ILogger logger, Guid jobId, string fault, Exception exception);

    [LoggerMessage(5203, LogLevel.Warning, "Job {JobId}: the video note is too large or gone ({Bytes} bytes)")]
    public static partial void VideoUnavailable(ILogger logger, Guid jobId, long? bytes);

    [LoggerMessage(5204, LogLevel.Error, "Sweep of waiting verification jobs failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(5205, LogLevel.Debug, "Sweep re-queued {Count} waiting verification jobs")]
    public static partial void Requeued(ILogger logger, int count);

    [LoggerMessage(5210, LogLevel.Warning, "Session {SessionId}: {StudentId}'s video note matches {OtherId}, marked present, better than {StudentId}'s own photo ({Own:0.0} < {Other:0.0}); refused")]
    public static partial void LookAlikeRefused(ILogger logger, Guid sessionId, string studentId, string otherId, double own, double other);

    [LoggerMessage(5211, LogLevel.Warning, "Job {JobId}: claim {Claim} ran out before its decision and the job was claimed again or decided; this decision is dropped")]
    public static partial void JobSuperseded(ILogger logger, Guid jobId, int claim);

    [LoggerMessage(5212, LogLevel.Warning, "Job {JobId} of session {SessionId}: the engine failed on its note {Tries} times; parked for the teacher, no attempt used")]
    public static partial void JobParked(ILogger logger, Guid jobId, Guid sessionId, int tries);
}
