namespace Rollcall.Storage.Entities;

/// <summary>A decision receipt given to a student; <see cref="Code"/> is an HMAC over the other fields.</summary>
public class Receipt
{
    public string Code { get; set; } = "";

    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public string Decision { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
}
