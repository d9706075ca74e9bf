using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Video notes refused before any verification is queued: forwarded, over the size limit, or not a video note at all.</summary>
public sealed class VideoNoteAbuseTests
{
    private static readonly byte[] NotAVideo = "%PDF-1.7 this is not a video, only named like one"u8.ToArray();

    [Fact]
    public async Task ForwardedVideoNote_IsRefused_NoJobIsQueued()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtVideoNoteAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3], forwarded: true);

        Assert.Equal("A forwarded video note is not accepted. Record a new one yourself.", await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
        Assert.Empty(bots.Faces.Seen);
    }

    [Fact]
    public async Task VideoNoteOverTheDownloadLimit_IsRefused_NoJobIsQueued()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtVideoNoteAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3], declaredSize: 21 * 1024 * 1024);

        Assert.Equal("This video note is too large (over 20 MB). Record a shorter one.", await student.ReplyAsync(bots.StudentBot));
        Assert.Equal(before, await SnapshotAsync(bots, student));
        Assert.Equal(0, bots.StudentBot.CallCount("getFile"));
    }

    [Fact]
    public async Task NonVideoBytesNamedMp4_AsAFileOrAVideo_AreNotAVideoNote()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = await AtVideoNoteAsync(bots);
        var before = await SnapshotAsync(bots, student);

        await student.SendDocumentAsync(bots.StudentBot, NotAVideo, "attendance.mp4", "video/mp4");
        var asFile = await student.ReplyAsync(bots.StudentBot);
        await student.SendVideoAsync(bots.StudentBot, NotAVideo, fileName: "attendance.mp4");
        var asVideo = await student.ReplyAsync(bots.StudentBot);

        Assert.Equal([PleaseVideoNote, PleaseVideoNote], [asFile, asVideo]);
        Assert.Equal(before, await SnapshotAsync(bots, student));
        Assert.Empty(bots.Faces.Seen);
    }

    private static async Task<EmulatedUser> AtVideoNoteAsync(BotsHost bots)
    {
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);
        return student;
    }
}
