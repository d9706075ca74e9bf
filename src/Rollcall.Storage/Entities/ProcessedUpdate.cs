namespace Rollcall.Storage.Entities;

/// <summary>An update already handled; a redelivered update hits the key and is ignored.</summary>
public class ProcessedUpdate
{
    public string Bot { get; set; } = "";

    public long UpdateId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
