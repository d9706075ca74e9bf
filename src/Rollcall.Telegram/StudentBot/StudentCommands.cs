using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The student bot's commands: the menu, /help and dispatch read this table.</summary>
public static class StudentCommands
{
    public const string Start = "start";
    public const string Attendance = "attendance";
    public const string Enrol = "enrol";
    public const string MyData = "mydata";
    public const string Forget = "forget";
    public const string Help = "help";
    public const string Cancel = "cancel";

    public static CommandTable Table { get; } = new(
    [
        new(Start, TextKey.StudentCommandStart, CommandRoute.Conversation),
        new(Attendance, TextKey.StudentCommandAttendance, CommandRoute.Desk),
        new(Enrol, TextKey.StudentCommandEnrol, CommandRoute.Conversation),
        new(MyData, TextKey.StudentCommandMyData, CommandRoute.Desk),
        new(Forget, TextKey.StudentCommandForget, CommandRoute.Desk),
        new(Help, TextKey.CommandHelp, CommandRoute.Desk),
        new(Cancel, TextKey.CommandCancel, CommandRoute.Conversation),
    ]);
}
