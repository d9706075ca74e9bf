using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rollcall.Storage.Cleanup;

/// <summary>
/// Every SESSION_CLEANUP_INTERVAL_SECONDS: frees the codes of expired sessions, drops day-old conversations, trims the
/// audit log to AUDIT_RETENTION_DAYS, face data to the class (embeddings) or MEDIA_RETENTION (review pictures), and the
/// replay guard's seen video notes to their session. Marks, sessions and the outbox are kept.
/// </summary>
public sealed partial class SessionCleanup(RollcallDatabase database, CleanupPolicy policy, TimeProvider time, ILogger<SessionCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(policy.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCleanupFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One cleanup pass; returns the number of sessions closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idleSince = now - policy.ConversationRetention;
        var auditBefore = now - policy.AuditRetention;
        await using var db = database.CreateContext();
        var closed = await db.Sessions.Where(s => (s.OtpSlot != null || s.PreviousOtpSlot != null) && s.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OtpSlot, (string?)null).SetProperty(r => r.PreviousOtpSlot, (string?)null), cancellationToken);
        var conversations = await db.Conversations.Where(c => c.UpdatedAt < idleSince).ExecuteDeleteAsync(cancellationToken);
        await db.AuditLog.Where(a => a.At < auditBefore).ExecuteDeleteAsync(cancellationToken);

        // Face data of a class lives as long as the class: the verified faces' embeddings go once the report is out,
        // review pictures after MEDIA_RETENTION (none: they went with the decision).
        await db.Marks.Where(m => m.ProbeEmbedding != null && db.Sessions.Any(s => s.Id == m.SessionId && s.ReportSentAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProbeEmbedding, (byte[]?)null), cancellationToken);

        // A video note is seen with its job, so it belongs to the job's session: it goes once that session is reported.
        await db.SeenMedia.Where(m => db.VerificationJobs.Any(j => j.FileUniqueId == m.FileUniqueId
                && db.Sessions.Any(s => s.Id == j.SessionId && s.ReportSentAt != null)))
            .ExecuteDeleteAsync(cancellationToken);
        var mediaBefore = now - (policy.MediaRetention ?? TimeSpan.Zero);
        await db.Reviews.Where(r => r.Image != null && r.Decision != null && r.DecidedAt < mediaBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Image, (byte[]?)null), cancellationToken);
        LogCleaned(logger, closed, conversations);
        return closed;
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Cleanup closed {Sessions} expired sessions and dropped {Conversations} idle conversations")]
    private static partial void LogCleaned(ILogger logger, int sessions, int conversations);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Cleanup pass failed; retrying at the next interval")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
