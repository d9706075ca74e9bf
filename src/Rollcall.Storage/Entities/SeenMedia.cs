namespace Rollcall.Storage.Entities;

/// <summary>A video note already received (by file_unique_id), to refuse replays.</summary>
public class SeenMedia
{
    public string FileUniqueId { get; set; } = "";

    public DateTimeOffset SeenAt { get; set; }
}
