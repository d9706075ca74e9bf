namespace Rollcall.Storage.Entities;

/// <summary>One decision in the audit trail: who did what, when, to which session and student.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public Guid? SessionId { get; set; }

    public string? StudentId { get; set; }

    public string? Detail { get; set; }
}
