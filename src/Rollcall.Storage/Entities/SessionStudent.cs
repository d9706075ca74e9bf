namespace Rollcall.Storage.Entities;

/// <summary>A student on a session's roster, copied from the LMS when the session opened.</summary>
public class SessionStudent
{
    public Guid SessionId { get; set; }

    public string StudentId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Batch { get; set; } = "";
}
