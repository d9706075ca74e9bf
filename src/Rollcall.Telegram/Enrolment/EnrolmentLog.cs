using Microsoft.Extensions.Logging;

namespace Rollcall.Telegram.Enrolment;

/// <summary>Logs of self-enrolment (event ids 5600-5649): ids and outcomes, never frames or embeddings.</summary>
internal static partial class EnrolmentLog
{
    [LoggerMessage(5600, LogLevel.Information, "Enrolment request {RequestId} for student {StudentId}: {Outcome} in {Seconds:0.00} s")]
    public static partial void Examined(ILogger logger, Guid requestId, string studentId, string outcome, double seconds);

    [LoggerMessage(5601, LogLevel.Warning, "Enrolment request {RequestId} for student {StudentId} shows the face of {OtherId} (similarity {Similarity:0.0}): refused")]
    public static partial void FaceOfAnother(ILogger logger, Guid requestId, string studentId, string otherId, double similarity);

    [LoggerMessage(5602, LogLevel.Error, "Enrolment request {RequestId} failed; it will be retried when its lease ends")]
    public static partial void RequestFailed(ILogger logger, Guid requestId, Exception exception);

    [LoggerMessage(5603, LogLevel.Warning, "Enrolment request {RequestId}: {Failure} (Telegram or the face engine, not the student); it runs again later")]
    public static partial void TransientFailure(ILogger logger, Guid requestId, string failure, Exception exception);

    [LoggerMessage(5604, LogLevel.Error, "Enrolment sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
