namespace Rollcall.Storage.Entities;

/// <summary>
/// A reply a decision owes a chat, written in the decision's transaction so a kill before the send loses nothing; the
/// reply relay sends a chat's rows one at a time in <see cref="Id"/> order, each under a lease fenced by <see cref="Claims"/>.
/// </summary>
public class OutboundReply
{
    public long Id { get; set; }

    /// <summary>The bot that sends it (Teacher, Student).</summary>
    public string Bot { get; set; } = "";

    public long ChatId { get; set; }

    /// <summary>The reply, its texts already formatted (JSON of the Telegram layer).</summary>
    public string Payload { get; set; } = "";

    /// <summary>A picture's or document's bytes, kept out of the JSON.</summary>
    public byte[]? Content { get; set; }

    public ReplyState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>How many times the row was claimed: the fencing token of the latest claim.</summary>
    public int Claims { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}

public enum ReplyState
{
    Pending,
    Sent,

    /// <summary>Telegram refused it for good (the bot blocked, a bad request): never sent again.</summary>
    Failed,
}
