using Microsoft.Extensions.Logging;
using Rollcall.Lms;

namespace Rollcall.Storage.Outbox;

/// <summary>Logs of the outbox relay (event ids 2100-2199).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Delivered attendance of batch {Batch} / {Subject}: {Present} present (create: {IsFirst}, outcome {Outcome})")]
    public static partial void Delivered(ILogger logger, string batch, string subject, int present, bool isFirst, SubmissionOutcome outcome);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "LMS did not accept batch {Batch} (attempt {Attempts}); next try at {Next:O}")]
    public static partial void RetryLater(ILogger logger, string batch, int attempts, DateTimeOffset next);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "LMS call for batch {Batch} failed")]
    public static partial void SubmitThrew(ILogger logger, string batch, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying on the next tick")]
    public static partial void RelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Delivery claim {Claim} of {Batch} / {Subject} ran out before the LMS answered; the set is sent once more")]
    public static partial void LeaseLost(ILogger logger, string batch, string subject, int claim);
}
