using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Hosting;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Sessions;

namespace Rollcall.Storage.Outbox;

/// <summary>
/// Delivers pending marks to the LMS until it accepts them. Per batch/subject/date one delivery runs at a time across
/// instances (<see cref="DeliveryLeases"/>) and carries every student present so far in every session of that key, of
/// every teacher, so the first creates the record (POST) and later ones update it (PUT).
/// </summary>
public sealed partial class OutboxRelay(
    RollcallDatabase database,
    ILmsGateway lms,
    ITeacherAlerts alerts,
    LeasePolicy leases,
    TimeProvider time,
    RollcallMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
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
                OutboxLog.RelayFailed(logger, e);
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
                .Where(o => o.State == OutboxState.Pending && o.NextAttemptAt <= now)
                .Select(o => new DeliveryKey(o.Batch, o.Subject, o.Date))
                .Distinct()
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var key in keys)
        {
            delivered += await DeliverAsync(key, cancellationToken) ? 1 : 0;
        }

        // The backlog gauge costs two queries: refresh it after deliveries, else at most every few seconds.
        if (delivered > 0 || time.GetUtcNow() - _lastObserved >= ObserveInterval)
        {
            await ObserveBacklogAsync(cancellationToken);
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        if (await DeliveryLeases.TryTakeAsync(database, key, leases.Outbox, cancellationToken) is not { } claim)
        {
            return false;
        }

        try
        {
            return await DeliverHeldAsync(key, claim, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // An orderly stop: the key goes back now, not when the lease runs out. An LMS call cut off mid-way is sent
            // again by whoever takes the key; the LMS answers a repeated create as a duplicate, and a PUT is whole.
            using var grace = new ShutdownGrace(time, cancellationToken);
            await using var db = database.CreateContext();
            await DeliveryLeases.ReleaseAsync(db, key, claim, grace.Token);
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private async Task<bool> DeliverHeldAsync(DeliveryKey key, int claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();

        // The rows first, then the set: a mark committed in between is in the set, and its own row is delivered again.
        var due = await Rows(db, key).Where(o => o.NextAttemptAt <= now)
            .OrderBy(o => o.CreatedAt).Select(o => new { o.Id, o.TeacherId }).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            await DeliveryLeases.ReleaseAsync(db, key, claim, cancellationToken);
            return false;
        }

        var isFirst = !await db.LmsRecords.AnyAsync(r => r.Batch == key.Batch && r.Subject == key.Subject && r.Date == key.Date, cancellationToken);
        var submission = new AttendanceSubmission(key.Batch, key.Subject, key.Date, isFirst, await AttendanceSet.StatusesAsync(db, key, cancellationToken));
        var (outcome, teacherId) = await SubmitAsync(key, submission, [.. due.Select(d => d.TeacherId).Distinct()], cancellationToken);
        var ids = due.Select(d => d.Id).ToList();
        if (outcome is SubmissionOutcome.Accepted or SubmissionOutcome.Duplicate)
        {
            await AcceptedAsync(db, key, claim, ids, teacherId, submission, outcome, cancellationToken);
            return true;
        }

        var attempts = await db.Outbox.Where(o => ids.Contains(o.Id)).MaxAsync(o => o.Attempts, cancellationToken) + 1;
        var next = now + RetryBackoff.After(attempts, MaxBackoff);
        await db.Outbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.NextAttemptAt, next)
                .SetProperty(o => o.LastError, outcome == SubmissionOutcome.Refused ? "LMS refuses the teacher's sign-in" : "LMS refused or unreachable"),
            cancellationToken);
        await DeliveryLeases.ReleaseAsync(db, key, claim, cancellationToken);
        OutboxLog.RetryLater(logger, key.Batch, attempts, next);
        return false;
    }

    private async Task AcceptedAsync(RollcallDb db, DeliveryKey key, int claim, List<long> ids, long teacherId,
        AttendanceSubmission submission, SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        if (submission.IsFirst)
        {
            db.LmsRecords.Add(new LmsRecord { Batch = key.Batch, Subject = key.Subject, Date = key.Date, CreatedAt = time.GetUtcNow() });
            await SaveIgnoringDuplicateAsync(db, cancellationToken);
        }

        if (submission.IsFirst && outcome == SubmissionOutcome.Duplicate)
        {
            // The record existed (an earlier POST whose answer was lost?) and may hold fewer students than this one:
            // the rows stay due and the next pass sends the full set as an update.
            await DeliveryLeases.ReleaseAsync(db, key, claim, cancellationToken);
            return;
        }

        // The fence and the rows commit together: a delivery whose lease ran out meanwhile marks nothing, and since its
        // older set may reach the LMS after a newer one, a fresh row makes sure the whole set is written once more.
        var sentAt = time.GetUtcNow();
        var held = await TurnTransaction.RunAsync(database, async ct =>
        {
            await using var fenced = database.CreateContext();
            await using var transaction = await fenced.Database.BeginTransactionAsync(ct);
            var stillHeld = await DeliveryLeases.ReleaseAsync(fenced, key, claim, ct);
            if (stillHeld)
            {
                await fenced.Outbox.Where(o => ids.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sent).SetProperty(o => o.SentAt, sentAt), ct);
                await fenced.Teachers.Where(t => t.Id == teacherId && t.LmsRefusedAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LmsRefusedAt, (DateTimeOffset?)null), ct);
            }
            else
            {
                AttendanceOutbox.Enqueue(fenced, teacherId, key.Batch, key.Subject, key.Date, sentAt);
                await fenced.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return stillHeld;
        }, cancellationToken);
        if (!held)
        {
            OutboxLog.LeaseLost(logger, key.Batch, key.Subject, claim);
        }

        OutboxLog.Delivered(logger, key.Batch, key.Subject, submission.Students.Count(s => s.Present), submission.IsFirst, outcome);
    }

    private static IQueryable<OutboxEntry> Rows(RollcallDb db, DeliveryKey key) =>
        db.Outbox.Where(o => o.Batch == key.Batch && o.Subject == key.Subject && o.Date == key.Date && o.State == OutboxState.Pending);

    private async Task ObserveBacklogAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var pending = db.Outbox.Where(o => o.State == OutboxState.Pending);
        var backlog = await pending.LongCountAsync(cancellationToken);
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await pending.MinAsync(o => (DateTimeOffset?)o.CreatedAt, cancellationToken);
        metrics.OutboxObserved(backlog, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);
        _lastObserved = time.GetUtcNow();
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
            db.ChangeTracker.Clear();
        }
    }
}
