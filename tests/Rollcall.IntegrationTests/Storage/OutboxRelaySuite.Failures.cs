using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Rollcall.Lms;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Outbox;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.Storage;

/// <summary>The relay when the LMS throws or refuses the teacher: a failed attempt with backoff, and one alert.</summary>
public abstract partial class OutboxRelaySuite
{
    [Fact]
    public async Task LmsThrowing_IsAFailedAttempt_RetriedWithBackoff()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms { Throw = new InvalidOperationException("The node must be of type 'JsonObject'.") };
        using var metrics = new RollcallMetrics();
        using var errors = LmsErrors(metrics);
        var relay = new OutboxRelay(database, lms, new RecordingAlerts(), Leases, _time, metrics, NullLogger<OutboxRelay>.Instance);
        await MarkAsync(database, teacherId, sessionId, "S-1");

        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Single(lms.Submissions);
        Assert.Equal(1, errors.Count);
        var row = await RowAsync(database);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.True(row.NextAttemptAt > _time.GetUtcNow());
        lms.Throw = null;
        _time.Advance(TimeSpan.FromSeconds(3));
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await PendingAsync(database));
    }

    [Fact]
    public async Task LmsRefusingTheSignIn_TellsTheTeacherOnce_UntilTheTeacherSignsInAgain()
    {
        var (database, teacherId, sessionId) = await ClassAsync();
        var lms = new RecordingLms { Answer = SubmissionOutcome.Refused };
        var alerts = new RecordingAlerts();
        var relay = Relay(database, lms, alerts);
        await MarkAsync(database, teacherId, sessionId, "S-1");

        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(10));
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(10));
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, lms.Submissions.Count);
        Assert.Equal([(teacherId, "B-101", "Python")], alerts.Told);
        var row = await RowAsync(database);
        Assert.Equal((OutboxState.Pending, 3), (row.State, row.Attempts));

        lms.Answer = SubmissionOutcome.Accepted;
        var teachers = new TeacherStore(database, new SecretBox(new byte[32]), _time, NullLogger<TeacherStore>.Instance);
        await teachers.BindAsync(teacherId, 4242, new LmsCredentials("t@example.edu", "new-pass"), TestContext.Current.CancellationToken);
        await relay.DeliverDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await PendingAsync(database));
        Assert.Single(alerts.Told);
    }

    /// <summary>Counts rollcall lms.errors of one metrics instance.</summary>
    private static MeasurementCount LmsErrors(RollcallMetrics metrics)
    {
        var count = new MeasurementCount();
        count.Listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == metrics && instrument.Name == "lms.errors")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        count.Listener.SetMeasurementEventCallback<long>((_, value, _, _) => count.Add(value));
        count.Listener.Start();
        return count;
    }

    private sealed class MeasurementCount : IDisposable
    {
        private long _total;

        public MeterListener Listener { get; } = new();

        public long Count => Interlocked.Read(ref _total);

        public void Add(long value) => Interlocked.Add(ref _total, value);

        public void Dispose() => Listener.Dispose();
    }

    private sealed class RecordingAlerts : ITeacherAlerts
    {
        public List<(long TeacherId, string Batch, string Subject)> Told { get; } = [];

        public Task LmsRefusedAsync(long teacherId, string batch, string subject, DateOnly date, CancellationToken cancellationToken)
        {
            Told.Add((teacherId, batch, subject));
            return Task.CompletedTask;
        }
    }
}
