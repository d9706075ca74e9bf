namespace Rollcall.Telegram.Updates;

/// <summary>Which of the two bots: the key of its client, poller, router and conversation rows.</summary>
public enum BotRole
{
    Teacher,
    Student,
}
