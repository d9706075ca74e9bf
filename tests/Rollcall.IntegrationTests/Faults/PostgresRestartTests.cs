using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Load;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>PostgreSQL restarts mid-class (pg_ctl restart on a server of the test's own): no mark is lost or doubled.</summary>
[Collection(ClassLoadCollection.Name)]
public sealed class PostgresRestartTests(FacesFixture faces)
{
    [Fact]
    public async Task PostgresRestartedMidClass_NoMarkLostOrDoubled()
    {
        var ct = TestContext.Current.CancellationToken;
        _ = faces.Engine;
        await using var postgres = await ThrowAwayPostgres.StartAsync();
        var url = await ClassRigs.CreateDatabaseAsync(postgres.ConnectionString);
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(16, url) with { Ramp = TimeSpan.FromSeconds(8) });
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));
        var some = new TaskCompletionSource();
        var finished = 0;

        var checkIns = rig.CheckInAsync(rig.Roster.Students, otp, rig.Options.Ramp, _ =>
        {
            if (Interlocked.Increment(ref finished) == 5)
            {
                some.TrySetResult();
            }
        }, ct);
        await some.Task.WaitAsync(ct);
        await postgres.RestartAsync();
        var results = await checkIns;

        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(3), null, ct), "the outbox did not deliver after the restart");
        var report = await rig.ReportAsync(results, sampler, default, ct);
        Assert.True(report.Problems().Count == 0, string.Join('\n', report.Problems().Concat(report.Lines())));
        Assert.All(results, r => Assert.Equal("Attendance marked: present in Load Testing.", r.LastReply));
    }
}
