namespace Rollcall.Storage.Entities;

/// <summary>Cached embedding of a student's ID photo, valid for one photo version.</summary>
public class FaceEmbedding
{
    public string StudentId { get; set; } = "";

    public string PhotoVersion { get; set; } = "";

    public byte[] Vector { get; set; } = [];

    public DateTimeOffset ComputedAt { get; set; }
}
