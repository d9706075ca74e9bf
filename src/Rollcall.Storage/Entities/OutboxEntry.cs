namespace Rollcall.Storage.Entities;

/// <summary>
/// A pending LMS submission for one batch/subject/date, written with the mark it carries. The key's delivery is
/// leased as a whole (<see cref="DeliveryLease"/>), not row by row.
/// </summary>
public class OutboxEntry
{
    public long Id { get; set; }

    public long TeacherId { get; set; }

    public string Batch { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Outbox row state, as in eShop's integration event log.</summary>
public enum OutboxState
{
    Pending,
    Sent,
}
