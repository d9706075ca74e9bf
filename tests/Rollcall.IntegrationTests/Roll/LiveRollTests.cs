using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>The session message over HTTP: its deep link and QR, and the live roll's counts edited in as students arrive.</summary>
public sealed class LiveRollTests
{
    [Fact]
    public async Task SessionMessage_CarriesTheDeepLinkAndItsQr_AndTheLinkSkipsTypingTheCode()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher);
        var code = CodeOf(session);
        var student = bots.Emulator.CreateUser("Asha");

        await student.SendCommandAsync(bots.StudentBot, $"/start {code}");
        var accepted = (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;
        await student.SendTextAsync(bots.StudentBot, "S-1");
        var welcome = (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;

        Assert.Equal("class-code.png", session.File?.FileName);
        Assert.Equal($"https://t.me/rollcall_student_bot?start={code}", QrPicture.Read(session.File!.Bytes));
        Assert.Contains($"Students scan the QR or open t.me/rollcall_student_bot?start={code}", session.Text, StringComparison.Ordinal);
        Assert.Equal(["Roll", "Report", "+2 min", "Close now"], session.Buttons.Select(b => b.Text));
        Assert.Equal("The class code from your teacher's link is accepted. Send your student ID.", accepted);
        Assert.StartsWith("Welcome Asha, batch CS-A.", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMessage_IsEditedWithTheCounts_AsAStudentChecksIn()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher);
        var student = bots.Emulator.CreateUser("Asha");

        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", CodeOf(session));
        var checkingIn = await SessionEditAsync(bots, teacher, m => m.Text!.Contains("(1 checking in)", StringComparison.Ordinal));
        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        var present = await SessionEditAsync(bots, teacher, m => m.Text!.Contains("Present 1 ·", StringComparison.Ordinal));

        Assert.Contains("Present 0 · in review 0 · refused 0 · not yet 3 (1 checking in)", checkingIn.Text, StringComparison.Ordinal);
        Assert.Contains("Present 1 · in review 0 · refused 0 · not yet 2", present.Text, StringComparison.Ordinal);
        Assert.Equal(session.MessageId, present.MessageId);
        Assert.Equal("class-code.png", present.File?.FileName);
    }
}
