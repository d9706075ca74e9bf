using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>
/// A chat that floods a bot (audit M1): CHAT_FLOOD_MAX_UPDATES (20) updates per CHAT_FLOOD_WINDOW_SECONDS (10) are
/// answered (the cases stretch the window to 10 minutes), the first past the limit gets one notice after them, the rest are dropped unanswered; what is dropped stores
/// nothing, and nothing inside the limit is lost.
/// </summary>
public sealed class FloodAbuseTests
{
    public const string TooManyMessages = "Too many messages. Wait a few seconds, then send one.";
    private const int Limit = 20;

    [Fact]
    public async Task StudentFloodingTheCodeStep_IsAnsweredUpToTheLimit_ThenToldOnce_AndNothingStoredMoves()
    {
        await using var bots = await StartAsync();
        await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await AtCodeAsync(bots, student, "S-1");
        var before = await SnapshotAsync(bots, student);

        // /start and the ID were 2 of the window's 20 updates.
        for (var i = 0; i < 25; i++)
        {
            await student.SendTextAsync(bots.StudentBot, "x" + i);
        }

        for (var i = 0; i < Limit - 2; i++)
        {
            Assert.Equal(BadOtp, await student.ReplyAsync(bots.StudentBot));
        }

        Assert.Equal(TooManyMessages, await student.ReplyAsync(bots.StudentBot));
        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);
        Assert.Equal(before, await SnapshotAsync(bots, student));
    }

    [Fact]
    public async Task VideoNotePastTheLimit_IsDroppedWithTheNotice_NoJobAndNoAttemptUsed()
    {
        await using var bots = await StartAsync();
        var student = await AtVideoNoteAsync(bots);
        var before = await SnapshotAsync(bots, student);

        // /start, ID, code and location were 4 of the 20.
        for (var i = 0; i < Limit - 4; i++)
        {
            await student.SendTextAsync(bots.StudentBot, "x" + i);
        }

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, 4]);

        for (var i = 0; i < Limit - 4; i++)
        {
            Assert.Equal(PleaseVideoNote, await student.ReplyAsync(bots.StudentBot));
        }

        Assert.Equal(TooManyMessages, await student.ReplyAsync(bots.StudentBot));
        await NoMessageInChatAsync(bots, bots.StudentBot, student.Id);
        Assert.Equal(before, await SnapshotAsync(bots, student));
        Assert.Empty(bots.Faces.Seen);
    }

    [Fact]
    public async Task VideoNoteInsideTheLimit_AfterAFloodOfTexts_IsCheckedAndMarked()
    {
        await using var bots = await StartAsync();
        var student = await AtVideoNoteAsync(bots);
        var before = await SnapshotAsync(bots, student);

        for (var i = 0; i < Limit - 5; i++)
        {
            await student.SendTextAsync(bots.StudentBot, "x" + i);
        }

        for (var i = 0; i < Limit - 5; i++)
        {
            Assert.Equal(PleaseVideoNote, await student.ReplyAsync(bots.StudentBot));
        }

        // The texts stored nothing; the video note, the window's 20th update, is the check-in's.
        Assert.Equal(before, await SnapshotAsync(bots, student));
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3, 4]);
        Assert.Equal("Processing your video note… I will answer in a moment.", await student.ReplyAsync(bots.StudentBot));
        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(await student.ReplyAsync(bots.StudentBot)).Body);
        Assert.Equal([1, 2, 3, 4], bots.Faces.Seen.Single().Video.ToArray());

        var marked = await SnapshotAsync(bots, student);
        await StaysAsync(bots, student, u => u.SendTextAsync(bots.StudentBot, "one more"), TooManyMessages);
        Assert.Equal(marked, await SnapshotAsync(bots, student));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TeacherFloodingTheTeacherBot_IsAnsweredUpToTheLimit_ThenToldOnce_AndNothingStoredMoves(bool webhook)
    {
        await using var bots = await StartAsync(webhook ? LoopbackPort.Free() : null);
        var teacher = bots.Emulator.CreateUser("Rao");
        var before = await SnapshotAsync(bots, teacher, "Teacher");

        for (var i = 0; i < 30; i++)
        {
            await teacher.SendTextAsync(bots.TeacherBot, "hello " + i);
        }

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(TeacherNotUnderstood, await teacher.ReplyAsync(bots.TeacherBot));
        }

        Assert.Equal(TooManyMessages, await teacher.ReplyAsync(bots.TeacherBot));
        await NoMessageInChatAsync(bots, bots.TeacherBot, teacher.Id);
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
    }

    /// <summary>The default limit in a window of 10 minutes, so a slow machine never lets a new window begin mid-case.</summary>
    private static Task<BotsHost> StartAsync(int? webhookPort = null) =>
        BotsHost.StartAsync(webhookPort: webhookPort, settings: new Dictionary<string, string?> { ["CHAT_FLOOD_WINDOW_SECONDS"] = "600" });

    /// <summary>A session open and Asha (S-1) asked for her video note, after 4 updates of her own.</summary>
    private static async Task<EmulatedUser> AtVideoNoteAsync(BotsHost bots)
    {
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);
        return student;
    }
}
