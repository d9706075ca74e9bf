namespace Rollcall.Storage.Entities;

/// <summary>Stored conversation state of one chat with one bot (JSON), so a restart resumes where the user was.</summary>
public class Conversation
{
    public string Bot { get; set; } = "";

    public long ChatId { get; set; }

    public string State { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
