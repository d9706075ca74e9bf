using Rollcall.IntegrationTests.Bots;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>CODE_ROTATION_SECONDS: the code and its QR change in the session message, and only the last two are accepted.</summary>
public sealed class CodeRotationTests
{
    [Fact]
    public async Task RotatingCode_AcceptsTheCurrentAndThePrevious_AndRefusesAnOlderOne()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 600,
            settings: new Dictionary<string, string?> { ["CODE_ROTATION_SECONDS"] = "10" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var first = CodeOf(await BotsOverHttpTests.OpenSessionMessageAsync(bots, teacher));

        var second = await SessionEditAsync(bots, teacher, m => CodeOf(m) != first);
        var third = await SessionEditAsync(bots, teacher, m => CodeOf(m) != CodeOf(second));
        var (previous, current) = (CodeOf(second), CodeOf(third));
        var tooOld = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, bots.Emulator.CreateUser("Asha"), "S-1", first);
        var withPrevious = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, bots.Emulator.CreateUser("Ben"), "S-2", previous);
        var withCurrent = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, bots.Emulator.CreateUser("Chen"), "S-3", current);

        Assert.Equal($"https://t.me/rollcall_student_bot?start={current}", QrPicture.Read(third.File!.Bytes));
        Assert.Equal(third.MessageId, second.MessageId);
        Assert.StartsWith("Student ID S-1 was not found in a session with this code", tooOld, StringComparison.Ordinal);
        Assert.StartsWith("Welcome Ben", withPrevious, StringComparison.Ordinal);
        Assert.StartsWith("Welcome Chen", withCurrent, StringComparison.Ordinal);
    }
}
