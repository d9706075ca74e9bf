using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>The teacher bot's commands: the menu, /help and dispatch read this table.</summary>
public static class TeacherCommands
{
    public const string Start = "start";
    public const string Sessions = "sessions";
    public const string Report = "report";
    public const string Receipt = "receipt";
    public const string History = "history";
    public const string Help = "help";
    public const string Cancel = "cancel";

    public static CommandTable Table { get; } = new(
    [
        new(Start, TextKey.TeacherCommandStart, CommandRoute.Conversation),
        new(Sessions, TextKey.TeacherCommandSessions, CommandRoute.Desk),
        new(Report, TextKey.TeacherCommandReport, CommandRoute.Desk),
        new(Receipt, TextKey.TeacherCommandReceipt, CommandRoute.Desk),
        new(History, TextKey.TeacherCommandHistory, CommandRoute.Desk),
        new(Help, TextKey.CommandHelp, CommandRoute.Desk),
        new(Cancel, TextKey.CommandCancel, CommandRoute.Conversation),
    ]);
}
