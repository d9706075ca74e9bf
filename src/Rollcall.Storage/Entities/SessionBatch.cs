namespace Rollcall.Storage.Entities;

/// <summary>One batch of a session; unique per teacher/batch/subject/date, which forbids duplicate sessions.</summary>
public class SessionBatch
{
    public Guid SessionId { get; set; }

    public long TeacherId { get; set; }

    public string Batch { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }
}
