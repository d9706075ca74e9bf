using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Load;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>The LMS goes down mid-class and comes back: the outbox delivers every mark, none twice.</summary>
[Collection(ClassLoadCollection.Name)]
public sealed class LmsOutageTests(FacesFixture faces)
{
    [Fact]
    public async Task LmsStoppedMidClassAndRestarted_EveryMarkArrivesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(20) with { Ramp = TimeSpan.FromSeconds(10) });
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));
        var half = new TaskCompletionSource();
        var finished = 0;

        var checkIns = rig.CheckInAsync(rig.Roster.Students, otp, rig.Options.Ramp, _ =>
        {
            if (Interlocked.Increment(ref finished) == 10)
            {
                half.TrySetResult();
            }
        }, ct);
        await half.Task.WaitAsync(ct);
        await rig.Lms.StopAsync(ct);
        var results = await checkIns;

        Assert.All(results, r => Assert.Equal("Attendance marked: present in Load Testing.", r.LastReply));
        Assert.Equal(20, (await rig.StoredPresentAsync(ct)).Count);
        Assert.True(rig.DeliveredPresent().Count < 20, "marks decided after the LMS went down cannot have reached it");
        Assert.True(await rig.OutboxPendingAsync(ct) > 0);

        await rig.Lms.StartAsync(ct);
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(3), null, ct), "the outbox did not deliver after the LMS came back");

        var report = await rig.ReportAsync(results, sampler, default, ct);
        ClassRigs.AssertNothingLostOrDoubled(report);
        Assert.Equal(1, report.PostsAccepted);
        ClassLoadTests.AssertLastWriteHasEveryone(rig.Lms, 20);
    }
}
