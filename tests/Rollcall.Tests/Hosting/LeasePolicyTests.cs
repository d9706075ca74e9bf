using Rollcall.Hosting;

namespace Rollcall.Tests.Hosting;

public sealed class LeasePolicyTests
{
    [Fact]
    public void DefaultTimeouts_GiveLeasesCoveringEveryCallUnderThem()
    {
        var policy = LeasePolicy.Derive(httpTimeout: TimeSpan.FromSeconds(30), faceWork: TimeSpan.FromSeconds(15), reply: TimeSpan.FromSeconds(310));

        // getFile 30 + download 30 + analysis 15 + review picture 15 + database 30.
        Assert.Equal(TimeSpan.FromSeconds(120), policy.Job);
        Assert.Equal(TimeSpan.FromSeconds(120), policy.LmsRenewal);
        Assert.Equal(TimeSpan.FromSeconds((3 * 30) + 120 + (4 * 30) + 30), policy.Outbox);

        // A report of three parts with one expired review's notice: four replies and the database work.
        Assert.Equal(TimeSpan.FromSeconds((4 * 310) + 30), policy.Report(4));
    }
}
