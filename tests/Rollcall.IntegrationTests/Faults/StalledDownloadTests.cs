using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Faults;

/// <summary>A video note whose download stalls (audit S4) is given up within HTTP_TIMEOUT_SECONDS and fetched again.</summary>
public sealed class StalledDownloadTests
{
    [Fact]
    public async Task StalledDownload_IsGivenUp_AndTheNoteIsFetchedAgainAndDecided()
    {
        await using var bots = await BotsHost.StartAsync(settings: new Dictionary<string, string?> { ["HTTP_TIMEOUT_SECONDS"] = "2" });
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);
        bots.StudentBot.StallNextDownloads();

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, 4, 5, 6]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        await bots.StudentBot.AbandonedDownloadAsync(TimeSpan.FromSeconds(60), Ct);
        var verdict = await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(60), Ct);

        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(verdict.Text!).Body);
        Assert.Equal([1, 2, 3, 4, 5, 6], bots.Faces.Seen.Single().Video.ToArray());
    }
}
