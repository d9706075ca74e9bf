using Rollcall.IntegrationTests.Bots;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Roll.RollSteps;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Item 4 and audit M5: /sessions, /report, and a session opened twice; a lost "Session open" loses nothing.</summary>
public sealed class SessionsAndReportTests
{
    [Fact]
    public async Task LostSessionMessage_IsShownAgainFromSessions_WithItsCode()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        bots.TeacherBot.FailNext("sendPhoto", BotApiFault.ServerError(), 4);
        await Assert.ThrowsAsync<TimeoutException>(() => OpenRosterAsync(bots, teacher));

        await teacher.SendCommandAsync(bots.TeacherBot, "/sessions");
        var list = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await TapAsync(bots, teacher, list, "Show 1");
        var shown = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        Assert.Matches(@"^Your sessions today:\n1\. \d\d:\d\d CS-A, Maths: code (\d{6}), open until \d\d:\d\d:\d\d UTC; present 0 of 2\n", list.Text);
        Assert.Contains($"code {CodeOf(shown)}", list.Text, StringComparison.Ordinal);
        Assert.Equal("class-code.png", shown.File?.FileName);
    }

    [Fact]
    public async Task SessionOpenedTwice_ShowsTheSessionThatExists()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        var first = await OpenRosterAsync(bots, teacher);

        var again = await OpenRosterAsync(bots, teacher);

        Assert.Equal(CodeOf(first), CodeOf(again));
        Assert.NotEqual(first.MessageId, again.MessageId);
    }

    [Fact]
    public async Task Report_SendsTheLatestAgain_AndOfferedAnotherOfTodays_SendsThatOne()
    {
        await using var bots = await BotsHost.StartAsync(otpSeconds: 3, reportDelaySeconds: 0);
        var teacher = bots.Emulator.CreateUser("Rao");
        await OpenRosterAsync(bots, teacher, "CS-A");
        var firstReport = await NextReportAsync(bots, teacher);
        await OpenRosterAsync(bots, teacher, "CS-B");
        await NextReportAsync(bots, teacher);

        await teacher.SendCommandAsync(bots.TeacherBot, "/report");
        var latest = await NextReportAsync(bots, teacher);
        var pick = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await TapAsync(bots, teacher, pick, "CS-A");
        var earlier = await NextReportAsync(bots, teacher);

        Assert.Contains("Batches: CS-B", latest, StringComparison.Ordinal);
        Assert.Equal("That was the latest session's report. For another of today's, tap it:", pick.Text);
        Assert.Equal(firstReport, earlier);
    }

    [Fact]
    public async Task Sessions_WithNoneToday_SaysHowToOpenOne()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");

        await teacher.SendCommandAsync(bots.TeacherBot, "/sessions");

        Assert.Equal("You have opened no session today. Send /start to open one.", (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text);
    }

    /// <summary>The report's message; its CSV and chart follow and are read too.</summary>
    private static async Task<string> NextReportAsync(BotsHost bots, EmulatedUser teacher)
    {
        var report = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(60), Ct);
        Assert.StartsWith("Attendance report", report.Text, StringComparison.Ordinal);
        Assert.Equal(BotFileKind.Document, (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).File?.Kind);
        Assert.Equal(BotFileKind.Photo, (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).File?.Kind);
        return report.Text!;
    }
}
