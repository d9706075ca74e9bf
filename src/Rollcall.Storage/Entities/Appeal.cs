using Rollcall.Appeals;

namespace Rollcall.Storage.Entities;

/// <summary>A student's appeal against a session's decision, sent to the session's teacher with the receipt it names.</summary>
public class Appeal
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    /// <summary>"{session:N}:{student}": unique, so a student has one appeal per session (open or decided).</summary>
    public string Slot { get; set; } = "";

    /// <summary>The receipt of the decision appealed against.</summary>
    public string ReceiptCode { get; set; } = "";

    public long TelegramUserId { get; set; }

    public long ChatId { get; set; }

    public AppealState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public static string SlotOf(Guid sessionId, string studentId) => $"{sessionId:N}:{studentId}";
}
