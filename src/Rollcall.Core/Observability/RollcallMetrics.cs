using System.Diagnostics.Metrics;

namespace Rollcall.Observability;

/// <summary>Rollcall's one meter (exported as rollcall_*): verifications, queue, outbox, replies and LMS calls, durations in seconds.</summary>
public sealed class RollcallMetrics : IDisposable
{
    public const string MeterName = "Rollcall";

    private readonly Meter _meter;
    private readonly Counter<long> _verifications;
    private readonly Histogram<double> _verificationDuration;
    private readonly Histogram<double> _lmsDuration;
    private readonly Counter<long> _lmsErrors;
    private long _queueLength;
    private long _outboxBacklog;
    private double _outboxOldestAgeSeconds;
    private long _repliesPending;
    private long _repliesFailed;
    private double _repliesOldestAgeSeconds;

    public RollcallMetrics()
    {
        // The scope tells this instance's instruments apart from another host's in the same process (tests).
        _meter = new Meter(new MeterOptions(MeterName) { Scope = this });
        _verifications = _meter.CreateCounter<long>("verifications", description: "Face verifications by result");
        _verificationDuration = _meter.CreateHistogram<double>("verification.duration", "s", "Time from dequeue to decision");
        _lmsDuration = _meter.CreateHistogram<double>("lms.duration", "s", "LMS call latency");
        _lmsErrors = _meter.CreateCounter<long>("lms.errors", description: "LMS calls that failed");
        _meter.CreateObservableGauge("queue.length", () => Interlocked.Read(ref _queueLength), description: "Verification jobs waiting");
        _meter.CreateObservableGauge("outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), description: "LMS submissions not yet accepted");
        _meter.CreateObservableGauge("outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAgeSeconds), "s", "Age of the oldest undelivered submission");
        _meter.CreateObservableGauge("replies.pending", () => Interlocked.Read(ref _repliesPending), description: "Bot replies stored with their decision, not yet sent");
        _meter.CreateObservableGauge("replies.failed", () => Interlocked.Read(ref _repliesFailed), description: "Bot replies Telegram refused for good (blocked bot, bad request)");
        _meter.CreateObservableGauge("replies.oldest_age", () => Volatile.Read(ref _repliesOldestAgeSeconds), "s", "Age of the oldest unsent bot reply");
    }

    public void VerificationDecided(string result, TimeSpan duration)
    {
        _verifications.Add(1, new KeyValuePair<string, object?>("result", result));
        _verificationDuration.Record(duration.TotalSeconds);
    }

    public void LmsCalled(string operation, TimeSpan duration, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("operation", operation);
        _lmsDuration.Record(duration.TotalSeconds, tag);
        if (failed)
        {
            _lmsErrors.Add(1, tag);
        }
    }

    public void QueueLengthChanged(long delta) => Interlocked.Add(ref _queueLength, delta);

    public void OutboxObserved(long backlog, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _outboxBacklog, backlog);
        Volatile.Write(ref _outboxOldestAgeSeconds, oldestAge.TotalSeconds);
    }

    public void RepliesObserved(long pending, long failed, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _repliesPending, pending);
        Interlocked.Exchange(ref _repliesFailed, failed);
        Volatile.Write(ref _repliesOldestAgeSeconds, oldestAge.TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
