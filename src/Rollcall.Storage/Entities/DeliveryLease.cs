namespace Rollcall.Storage.Entities;

/// <summary>
/// Who is delivering a batch/subject/date to the LMS: one delivery per key at a time across instances, whichever
/// teacher's session the marks came from. <see cref="Claims"/> numbers the claims and fences them.
/// </summary>
public class DeliveryLease
{
    public string Batch { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateOnly Date { get; set; }

    public int Claims { get; set; }

    /// <summary>By the database's clock; null when nobody holds the key.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
