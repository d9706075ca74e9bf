using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Attendance;
using Rollcall.Hosting;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Outbox;

/// <summary>
/// Delivers pending marks to the LMS until it accepts them. Per batch/subject/date one delivery runs at a time and
/// carries every student present so far, so the first creates the record (POST) and later ones update it (PUT).
/// </summary>
public sealed partial class OutboxRelay(
    RollcallDatabase database,
    ILmsGateway lms,
    TimeProvider time,
    RollcallMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ObserveInterval = TimeSpan.FromSeconds(5);
    private DateTimeOffset _lastObserved = DateTimeOffset.MinValue;

    /// <summary>How often due rows are looked for.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database restart must not end the relay: the rows wait and the next tick tries again.
                LogRelayFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Delivers every batch/subject/date that has due rows; returns how many deliveries were made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<DeliveryKey> keys;
        await using (var db = database.CreateContext())
        {
            keys = await db.Outbox.AsNoTracking()
                .Where(o => o.State == OutboxState.Pending && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
                .Select(o => new DeliveryKey(o.TeacherId, o.Batch, o.Subject, o.Date))
                .Distinct()
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var key in keys)
        {
            delivered += await DeliverAsync(key, now, cancellationToken) ? 1 : 0;
        }

        // The backlog gauge costs two queries: refresh it after deliveries, else at most every few seconds.
        if (delivered > 0 || time.GetUtcNow() - _lastObserved >= ObserveInterval)
        {
            await ObserveBacklogAsync(cancellationToken);
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(DeliveryKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await LeaseAndDeliverAsync(key, now, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // An orderly stop: rows this pass leased go back now, not when the lease runs out. An LMS call cut off
            // mid-way is sent again by whoever takes them; the LMS answers a repeat as a duplicate.
            using var grace = new ShutdownGrace(time, cancellationToken);
            var leaseUntil = now + Lease;
            await using var db = database.CreateContext();
            await db.Outbox.Where(o => o.State == OutboxState.Pending && o.LeaseUntil == leaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), grace.Token);
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private async Task<bool> LeaseAndDeliverAsync(DeliveryKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaseUntil = now + Lease;
        await using var db = database.CreateContext();
        var due = db.Outbox.Where(o => o.TeacherId == key.TeacherId && o.Batch == key.Batch && o.Subject == key.Subject
            && o.Date == key.Date && o.State == OutboxState.Pending && o.NextAttemptAt <= now);

        // The key is skipped while any of its rows is leased (by this or another instance): one delivery per key at a time.
        var claimed = await due
            .Where(_ => !db.Outbox.Any(o => o.Batch == key.Batch && o.Subject == key.Subject && o.Date == key.Date
                && o.State == OutboxState.Pending && o.LeaseUntil != null && o.LeaseUntil >= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var claimedIds = await db.Outbox.Where(o => o.Batch == key.Batch && o.Subject == key.Subject && o.Date == key.Date
            && o.State == OutboxState.Pending && o.LeaseUntil == leaseUntil).Select(o => o.Id).ToListAsync(cancellationToken);
        var isFirst = !await db.LmsRecords.AnyAsync(r => r.Batch == key.Batch && r.Subject == key.Subject && r.Date == key.Date, cancellationToken);
        var submission = new AttendanceSubmission(key.Batch, key.Subject, key.Date, isFirst, await StatusesAsync(db, key, cancellationToken));

        SubmissionOutcome outcome;
        var started = time.GetTimestamp();
        try
        {
            outcome = await lms.SubmitAsync(key.TeacherId, submission, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogSubmitThrew(logger, key.Batch, e);
            outcome = SubmissionOutcome.Failed;
        }

        metrics.LmsCalled(isFirst ? "create" : "update", time.GetElapsedTime(started), outcome == SubmissionOutcome.Failed);

        var rows = db.Outbox.Where(o => claimedIds.Contains(o.Id));
        if (outcome is SubmissionOutcome.Accepted or SubmissionOutcome.Duplicate)
        {
            if (isFirst)
            {
                db.LmsRecords.Add(new LmsRecord { Batch = key.Batch, Subject = key.Subject, Date = key.Date, CreatedAt = now });
                await SaveIgnoringDuplicateAsync(db, cancellationToken);
            }

            if (isFirst && outcome == SubmissionOutcome.Duplicate)
            {
                // The record existed (an earlier POST whose answer was lost?) and may hold fewer students than this one:
                // the rows stay due and the next pass sends the full set as an update.
                await rows.ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                return true;
            }

            var sentAt = time.GetUtcNow();
            await rows.ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sent).SetProperty(o => o.SentAt, sentAt), cancellationToken);
            LogDelivered(logger, key.Batch, key.Subject, submission.Students.Count(s => s.Present), isFirst, outcome);
            return true;
        }

        var attempts = await rows.Select(o => o.Attempts).MaxAsync(cancellationToken) + 1;
        var next = now + Backoff(attempts);
        await rows.ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.NextAttemptAt, next)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, "LMS refused or unreachable"),
            cancellationToken);
        LogRetryLater(logger, key.Batch, attempts, next);
        return false;
    }

    private async Task ObserveBacklogAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var pending = db.Outbox.Where(o => o.State == OutboxState.Pending);
        var backlog = await pending.LongCountAsync(cancellationToken);
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await pending.MinAsync(o => (DateTimeOffset?)o.CreatedAt, cancellationToken);
        metrics.OutboxObserved(backlog, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);
        _lastObserved = time.GetUtcNow();
    }

    /// <summary>The whole roster of the batch across the teacher's sessions that day, each with the mark the LMS records.</summary>
    private static async Task<IReadOnlyList<StudentStatus>> StatusesAsync(RollcallDb db, DeliveryKey key, CancellationToken cancellationToken)
    {
        var sessionIds = db.SessionBatches
            .Where(b => b.TeacherId == key.TeacherId && b.Batch == key.Batch && b.Subject == key.Subject && b.Date == key.Date)
            .Select(b => b.SessionId);
        var roster = await db.SessionStudents.AsNoTracking()
            .Where(s => sessionIds.Contains(s.SessionId) && s.Batch == key.Batch)
            .Select(s => s.StudentId).Distinct().ToListAsync(cancellationToken);
        var marks = (await db.Marks.AsNoTracking()
            .Where(m => sessionIds.Contains(m.SessionId) && (m.Status == MarkStatus.Present || m.Status == MarkStatus.Late || m.Status == MarkStatus.Excused))
            .Select(m => new { m.StudentId, m.Status }).ToListAsync(cancellationToken))
            .ToLookup(m => m.StudentId, m => m.Status, StringComparer.Ordinal);
        return roster.Order(StringComparer.Ordinal).Select(id => new StudentStatus(id, LmsStatus.Strongest(marks[id]))).ToList();
    }

    private static async Task SaveIgnoringDuplicateAsync(RollcallDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another instance recorded the creation first; the record exists either way.
        }
    }

    private static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 10)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private sealed record DeliveryKey(long TeacherId, string Batch, string Subject, DateOnly Date);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Delivered attendance of batch {Batch} / {Subject}: {Present} present (create: {IsFirst}, outcome {Outcome})")]
    private static partial void LogDelivered(ILogger logger, string batch, string subject, int present, bool isFirst, SubmissionOutcome outcome);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "LMS did not accept batch {Batch} (attempt {Attempts}); next try at {Next:O}")]
    private static partial void LogRetryLater(ILogger logger, string batch, int attempts, DateTimeOffset next);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "LMS call for batch {Batch} failed")]
    private static partial void LogSubmitThrew(ILogger logger, string batch, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying on the next tick")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
