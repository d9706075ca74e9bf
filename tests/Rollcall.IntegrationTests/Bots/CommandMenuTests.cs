using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.TeacherBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>One command table per bot: the menu registered at start-up, /help and dispatch all come from it.</summary>
public sealed class CommandMenuTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BothBots_RegisterTheMenuOfTheirCommandTable_AtStartUp()
    {
        await using var bots = await BotsHost.StartAsync();

        var teacher = await bots.TeacherBot.NextCommandsAsync(cancellationToken: Ct);
        var student = await bots.StudentBot.NextCommandsAsync(cancellationToken: Ct);

        Assert.Equal(Menu(TeacherCommands.Table), teacher.Select(c => (c.Command, c.Description)));
        Assert.Equal(Menu(StudentCommands.Table), student.Select(c => (c.Command, c.Description)));
        Assert.Contains(("receipt", "check a student's receipt: /receipt CODE"), teacher.Select(c => (c.Command, c.Description)));
    }

    [Fact]
    public async Task Help_ListsEveryCommandOfTheTable_AndLeavesTheConversationWhereItWas()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        await teacher.SendCommandAsync(bots.TeacherBot, "/start");
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bots.TeacherBot, BotsHost.TeacherPhone);
        await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);

        await teacher.SendCommandAsync(bots.TeacherBot, "/help");
        var help = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text!;
        await teacher.SendTextAsync(bots.TeacherBot, BotsHost.Username);
        var next = (await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct)).Text;

        Assert.StartsWith("To open an attendance session", help, StringComparison.Ordinal);
        Assert.All(TeacherCommands.Table.Commands, c => Assert.Contains($"/{c.Name} - {BotTexts.Format(c.Description)}", help, StringComparison.Ordinal));
        Assert.Equal(BotTexts.Format(TextKey.AskPassword), next);
    }

    [Fact]
    public async Task StudentHelp_ListsTheStudentsCommands()
    {
        await using var bots = await BotsHost.StartAsync();
        var student = bots.Emulator.CreateUser("Asha");

        await student.SendCommandAsync(bots.StudentBot, "/help");
        var help = (await student.NextMessageAsync(bots.StudentBot, cancellationToken: Ct)).Text!;

        Assert.StartsWith("To mark attendance", help, StringComparison.Ordinal);
        Assert.All(StudentCommands.Table.Commands, c => Assert.Contains($"/{c.Name} - ", help, StringComparison.Ordinal));
    }

    private static IEnumerable<(string, string)> Menu(CommandTable table) =>
        table.Commands.Select(c => (c.Name, BotTexts.Format(c.Description)));
}
