using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Item 1: the code opens the door; a check-in begun in time may finish within CHECKIN_GRACE_SECONDS.</summary>
public sealed class GraceWindowTests
{
    [Fact]
    public async Task CodeGivenInTime_VideoNoteAfterTheCodeExpired_IsAccepted_AndTheReportFollowsTheDecision()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 6, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenRosterAsync(bots, teacher);
        var code = CodeOf(session);
        var asha = bots.Emulator.CreateUser("Asha");
        await asha.SendCommandAsync(bots.StudentBot, "/start");
        await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        await asha.SendTextAsync(bots.StudentBot, "S-1");
        await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        await asha.SendTextAsync(bots.StudentBot, code);
        Assert.StartsWith("Welcome Asha", (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);

        // The code expires while Asha is on her way; the session message says so.
        var closed = await SessionEditAsync(bots, teacher, m => m.Text!.Contains("The code closed at", StringComparison.Ordinal));
        var ben = bots.Emulator.CreateUser("Ben");
        var late = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, ben, "S-2", code);
        await asha.SendLocationAsync(bots.StudentBot, Latitude + 0.0001, Longitude, horizontalAccuracy: 8, livePeriod: 900);
        var askNote = (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;
        await asha.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct);
        var marked = ReceiptLine.Split((await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!).Body;
        var report = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);

        Assert.Contains("Check-ins begun in time can finish until", closed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("scan the QR", closed.Text, StringComparison.Ordinal);
        Assert.StartsWith("Student ID S-2 was not found in a session with this code, or the code has expired.", late, StringComparison.Ordinal);
        Assert.StartsWith("You are in the class area.", askNote, StringComparison.Ordinal);
        Assert.Equal("Attendance marked: present in Maths.", marked);
        Assert.Contains("Present: 1 of 2, absent: 1", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutGrace_ALocationAfterTheCodeExpired_IsToldCheckInsAreOver()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 6, reportDelaySeconds: 30,
            settings: new Dictionary<string, string?> { ["CHECKIN_GRACE_SECONDS"] = "0" });
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenRosterAsync(bots, teacher);
        var asha = bots.Emulator.CreateUser("Asha");
        Assert.StartsWith("Welcome", await BotsOverHttpTests.CheckInUpToCodeAsync(bots, asha, "S-1", CodeOf(session)), StringComparison.Ordinal);

        await SessionEditAsync(bots, teacher, m => m.Text!.Contains("Check-ins closed at", StringComparison.Ordinal));
        await asha.SendLocationAsync(bots.StudentBot, Latitude + 0.0001, Longitude, horizontalAccuracy: 8, livePeriod: 900);

        Assert.Equal("Check-ins for this session are over. Your teacher can still mark you from the roll: speak to them.",
            (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text);
    }
}
