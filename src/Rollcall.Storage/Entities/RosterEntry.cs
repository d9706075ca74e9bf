namespace Rollcall.Storage.Entities;

/// <summary>Built-in roster: a student enrolled in a batch for a subject.</summary>
public class RosterEntry
{
    public string StudentId { get; set; } = "";

    public string Batch { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Name { get; set; } = "";
}
