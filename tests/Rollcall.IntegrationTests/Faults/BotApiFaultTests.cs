using Rollcall.IntegrationTests.Load;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Load;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>Telegram answers 429 with retry_after and 5xx for some calls: the bots back off and the class completes.</summary>
[Collection(ClassLoadCollection.Name)]
public sealed class BotApiFaultTests(FacesFixture faces)
{
    [Fact]
    public async Task FloodControlOnReplies_BotsWaitAndEveryStudentIsMarked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(12) with { Ramp = TimeSpan.FromSeconds(3) });
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));
        rig.StudentBot.FailNext("sendMessage", BotApiFault.TooManyRequests(1), count: 2);
        rig.StudentBot.FailNext("getUpdates", BotApiFault.TooManyRequests(1), count: 2);
        rig.StudentBot.FailNext("getUpdates", BotApiFault.ServerError(502), count: 3);

        var results = await rig.CheckInAsync(rig.Roster.Students, otp, rig.Options.Ramp, null, ct);

        Assert.All(results, r => Assert.Equal("Attendance marked: present in Load Testing.", r.LastReply));
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(2), null, ct));
        ClassRigs.AssertNothingLostOrDoubled(await rig.ReportAsync(results, sampler, default, ct));
        Assert.True(rig.StudentBot.CallCount("sendMessage") > 12 * 5, "the refused sends were tried again");
    }

    [Fact]
    public async Task ServerErrorsOnRepliesAndDownloads_EveryStudentStillHearsTheResult()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ClassRigs.StartAsync(faces, ClassRigs.Options(6) with { Ramp = TimeSpan.Zero, ResultTimeout = TimeSpan.FromSeconds(90) });
        var otp = await rig.OpenSessionAsync(ct);
        await using var sampler = new ProcessSampler(null, TimeSpan.FromSeconds(1));
        rig.StudentBot.FailNext("sendMessage", BotApiFault.ServerError(502), count: 2);
        rig.StudentBot.FailNext("getFile", BotApiFault.ServerError(500), count: 1);

        var results = await rig.CheckInAsync(rig.Roster.Students, otp, rig.Options.Ramp, null, ct);

        Assert.All(results, r => Assert.Equal("Attendance marked: present in Load Testing.", r.LastReply));
        Assert.True(await rig.WaitForDeliveryAsync(TimeSpan.FromMinutes(2), null, ct));
        ClassRigs.AssertNothingLostOrDoubled(await rig.ReportAsync(results, sampler, default, ct));
    }
}
