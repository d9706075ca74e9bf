namespace Rollcall.Storage.Entities;

/// <summary>
/// A notice the teacher got about a student in a session (attempts used up, no ID photo, a binding refusal, a look-alike):
/// one per session, student and kind, by its unique key, with the chat of the student who is waiting.
/// </summary>
public class SessionNotice
{
    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public string Kind { get; set; } = "";

    public long StudentChatId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
