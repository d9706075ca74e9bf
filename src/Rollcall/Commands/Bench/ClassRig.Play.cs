using Rollcall.Simulation.Load;

namespace Rollcall.Commands.Bench;

/// <summary>Callbacks for a running class: each finished check-in, and delivered vs stored marks while the outbox drains.</summary>
internal sealed record ClassProgress(Action<CheckInResult>? CheckedIn = null, Action<int, int>? Delivering = null);

/// <summary>The whole class in one call: session, ramped check-ins, delivery, report.</summary>
internal sealed partial class ClassRig
{
    private readonly long _created = TimeProvider.System.GetTimestamp();

    public async Task<LoadReport> PlayAsync(ClassProgress? progress, CancellationToken cancellationToken)
    {
        await using var sampler = new ProcessSampler(QueuedJobsAsync, TimeSpan.FromMilliseconds(500));
        var otp = await OpenSessionAsync(cancellationToken);
        var started = TimeProvider.System.GetTimestamp();
        var results = await CheckInAsync(Roster.Students, otp, Options.Ramp, progress?.CheckedIn, cancellationToken);
        var checkIns = TimeProvider.System.GetElapsedTime(started);
        await WaitForDeliveryAsync(Options.DeliveryTimeout, progress?.Delivering, cancellationToken);
        var delivery = TimeProvider.System.GetElapsedTime(started) - checkIns;
        return await ReportAsync(results, sampler, (checkIns, delivery, TimeProvider.System.GetElapsedTime(_created)), cancellationToken);
    }
}
