using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>The session message's +2 min and Close now, and item 7: the teacher's own fix, checked at opening and when re-centring.</summary>
public sealed class SessionWindowTests
{
    [Fact]
    public async Task PlusTwoMinutes_KeepsTheCodeOpenLonger_AndCloseNow_SendsTheReport()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 600, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenRosterAsync(bots, teacher);
        var until = session.Text!.Split('\n').Single(l => l.StartsWith("The code is valid until", StringComparison.Ordinal));

        var extended = await TapAsync(bots, teacher, session, "+2 min");
        var later = await SessionEditAsync(bots, teacher, m => !m.Text!.Contains(until, StringComparison.Ordinal));
        var closed = await TapAsync(bots, teacher, later, "Close now");
        var report = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
        var code = await BotsOverHttpTests.CheckInUpToCodeAsync(bots, bots.Emulator.CreateUser("Asha"), "S-1", CodeOf(session));

        Assert.Equal("The code is valid 2 minutes longer.", extended);
        Assert.Equal("Check-ins are closed; the report follows.", closed);
        Assert.StartsWith("Attendance report", report.Text, StringComparison.Ordinal);
        Assert.StartsWith("Student ID S-1 was not found", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 10.0, "A forwarded location is not accepted. Please send your own current location.")]
    [InlineData(false, 120.0, "Your location is too coarse (±120 m) for a class area of 50 m. Turn on precise location or GPS, wait a few seconds, and tap \"Send location\" again.")]
    public async Task TeachersForwardedOrCoarseFix_IsRefused_WithWhatToDo(bool forwarded, double accuracy, string refusal)
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        await AtTeacherLocationAsync(bots, teacher);

        if (forwarded)
        {
            await teacher.ForwardLocationAsync(bots.TeacherBot, Latitude, Longitude, accuracy);
        }
        else
        {
            await teacher.SendLocationAsync(bots.TeacherBot, Latitude, Longitude, accuracy);
        }

        var answer = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.SendLocationAsync(bots.TeacherBot, Latitude, Longitude, 10);

        Assert.Equal(refusal, answer.Text);
        Assert.True(answer.Button("Send location").RequestLocation);
        Assert.StartsWith("Session open.", (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReCentredFromTheRoll_StudentsAreCheckedAgainstTheNewCentre()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var session = await OpenRosterAsync(bots, teacher);
        var page = await RollAsync(bots, teacher, session);
        await TapAsync(bots, teacher, page, "Re-centre");
        var ask = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.SendLocationAsync(bots.TeacherBot, Latitude + 0.002, Longitude, 300);
        var coarse = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;
        await teacher.SendLocationAsync(bots.TeacherBot, Latitude + 0.002, Longitude, 6);
        var moved = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;

        var asha = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToCodeAsync(bots, asha, "S-1", CodeOf(session));
        await asha.SendLocationAsync(bots.StudentBot, Latitude, Longitude, 5, livePeriod: 900);
        var atTheOldCentre = (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;
        await asha.SendLocationAsync(bots.StudentBot, Latitude + 0.002, Longitude, 5, livePeriod: 900);
        var atTheNewCentre = (await asha.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text;

        Assert.True(ask.Button("Send location").RequestLocation);
        Assert.StartsWith("Your location is too coarse (±300 m)", coarse, StringComparison.Ordinal);
        Assert.Equal("The class area is re-centred on your location (±6 m). Students who share their location from now on are checked against it.", moved);
        Assert.StartsWith("Too far (221 m)", atTheOldCentre, StringComparison.Ordinal);
        Assert.StartsWith("You are in the class area.", atTheNewCentre, StringComparison.Ordinal);
    }

    /// <summary>Signs in as the roster's teacher and picks CS-A and Maths, up to the request for the location.</summary>
    private static async Task AtTeacherLocationAsync(BotsHost bots, EmulatedUser teacher)
    {
        var bot = bots.TeacherBot;
        await teacher.SendCommandAsync(bot, "/start");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, BotsHost.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, BotsHost.Username);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, BotsHost.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "CS-A");
        await teacher.NextEditAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, batches, "Done");
        var subjects = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.PressButtonAsync(bot, subjects, "Maths");
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
    }
}
