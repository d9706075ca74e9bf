namespace Rollcall.Storage.Entities;

/// <summary>Whether the LMS already holds a record for a batch/subject/date (then later submissions are PUTs).</summary>
public class LmsRecord
{
    public string Batch { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
