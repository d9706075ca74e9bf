namespace Rollcall.Storage.Entities;

/// <summary>The Telegram account a student ID is bound to at its first accepted code entry.</summary>
public class StudentBinding
{
    public string StudentId { get; set; } = "";

    public long TelegramUserId { get; set; }

    public DateTimeOffset BoundAt { get; set; }
}
