using Microsoft.EntityFrameworkCore;
using Rollcall.Attendance;
using Rollcall.Simulation.Load;
using Rollcall.Storage.Entities;

namespace Rollcall.Commands.Bench;

/// <summary>Counting: marks stored, marks the LMS holds, the LMS's writes, and waiting until the outbox has delivered.</summary>
internal sealed partial class ClassRig
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Verification jobs still waiting in the database: the queue depth as durable rows.</summary>
    public async Task<long> QueuedJobsAsync(CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        return await db.VerificationJobs.LongCountAsync(j => j.State == JobState.Queued, cancellationToken);
    }

    /// <summary>Present marks in the database, by student id.</summary>
    public async Task<IReadOnlyList<string>> StoredPresentAsync(CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        return await db.Marks.AsNoTracking().Where(m => m.Status == MarkStatus.Present).Select(m => m.StudentId).ToListAsync(cancellationToken);
    }

    public async Task<int> OutboxPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = Database.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending, cancellationToken);
    }

    /// <summary>Students present in the LMS's records, across the class's batches.</summary>
    public IReadOnlyList<string> DeliveredPresent() =>
        [.. Lms.Records.Where(r => r.Subject == Roster.Subject).SelectMany(r => r.Present)];

    /// <summary>
    /// Waits until no outbox row is pending and the LMS holds every stored mark; true when it got there in time.
    /// A refused or unreachable LMS is retried by the relay with backoff, so this can take a while.
    /// </summary>
    public async Task<bool> WaitForDeliveryAsync(TimeSpan timeout, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        using var timer = new PeriodicTimer(PollPeriod);
        do
        {
            try
            {
                var stored = await StoredPresentAsync(cancellationToken);
                var delivered = DeliveredPresent().Count;
                progress?.Invoke(delivered, stored.Count);
                if (delivered >= stored.Count && await OutboxPendingAsync(cancellationToken) == 0)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // The database is restarting under a fault test; look again on the next tick.
            }
        }
        while (TimeProvider.System.GetTimestamp() < deadline && await timer.WaitForNextTickAsync(cancellationToken));
        return false;
    }

    /// <summary>The run's numbers: what the students were told, what is stored, what the LMS holds and how it got there.</summary>
    public async Task<LoadReport> ReportAsync(
        IReadOnlyList<CheckInResult> results, ProcessSampler sampler, (TimeSpan CheckIns, TimeSpan Delivery, TimeSpan Total) wall, CancellationToken cancellationToken)
    {
        var stored = (await StoredPresentAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var posts = Lms.CallsTo("POST", "/api/v1/attendance");
        var puts = Lms.CallsTo("PUT", "/api/v1/attendance");
        var batchOf = Roster.Students.ToDictionary(s => s.StudentId, s => s.Batch, StringComparer.Ordinal);
        var records = Lms.Records.Where(r => r.Subject == Roster.Subject).ToDictionary(r => r.Batch, StringComparer.Ordinal);
        var missing = stored.Count(id => !records.TryGetValue(batchOf[id], out var record) || !record.Present.Contains(id, StringComparer.Ordinal));
        return new LoadReport
        {
            Students = results.Count,
            Expected = results.Count(r => r.Marked),
            Stored = stored.Count,
            Delivered = DeliveredPresent().Count,
            Keys = Roster.Batches.Count,
            PostsAccepted = posts.Count(c => c.Status is >= 200 and < 300),
            PostsRefused = posts.Count(c => c.Status >= 300),
            PutsAccepted = puts.Count(c => c.Status is >= 200 and < 300),
            PutsRefused = puts.Count(c => c.Status >= 300),
            MissingFromLastWrite = missing,
            OutboxPending = await OutboxPendingAsync(cancellationToken),
            VideoToResult = [.. results.Where(r => r.VideoToResult is not null).Select(r => r.VideoToResult!.Value)],
            Outcomes = results.GroupBy(r => Outcome(r.LastReply)).ToDictionary(g => g.Key, g => g.Count()),
            QueuePeak = sampler.PeakProbe,
            CpuTime = sampler.CpuTime,
            PeakWorkingSetBytes = sampler.PeakWorkingSetBytes,
            CheckInWall = wall.CheckIns,
            DeliveryWall = wall.Delivery,
            TotalWall = wall.Total,
        };
    }

    // The reply's first words name the outcome; the rest carries numbers that differ per student.
    private static string Outcome(string reply)
    {
        if (reply.StartsWith(CheckInRun.NoAnswer, StringComparison.Ordinal))
        {
            return CheckInRun.NoAnswer;
        }

        var end = reply.IndexOfAny([':', '.', '(']);
        return (end > 0 ? reply[..end] : reply).Trim();
    }
}
