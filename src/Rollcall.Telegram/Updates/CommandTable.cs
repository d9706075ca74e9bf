using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Where a command goes. A desk answers a command that is valid in any state and leaves the state alone (/receipt,
/// /help); the conversation takes every other command as a step (/start, /cancel).
/// </summary>
public enum CommandRoute
{
    Desk,
    Conversation,
}

/// <summary>One command of a bot: its name as typed (without the slash), its menu description and its route.</summary>
public sealed record BotCommandSpec(string Name, TextKey Description, CommandRoute Route);

/// <summary>A bot's commands in menu order: dispatch, /help and the menu registered with setMyCommands all read it.</summary>
public sealed class CommandTable(IReadOnlyList<BotCommandSpec> commands)
{
    public IReadOnlyList<BotCommandSpec> Commands => commands;

    /// <summary>The command <paramref name="input"/> names when it is one of this table's desk commands, else null.</summary>
    public BotCommandSpec? Desk(BotInput input) =>
        input is BotInput.Command typed && commands.FirstOrDefault(c => c.Name == typed.Name) is { Route: CommandRoute.Desk } command
            ? command
            : null;

    /// <summary>/help: the bot's introduction, then each command with its description.</summary>
    public Reply.Message Help(TextKey intro) =>
        Reply.Text(TextKey.HelpWithCommands, new TextRef(intro), string.Join('\n', commands.Select(c => $"/{c.Name} - {BotTexts.Format(c.Description)}")));
}
