namespace Rollcall.Storage.Entities;

/// <summary>
/// A student told that their attendance in a subject fell below the threshold, and not back above since. The row's key
/// (student, subject) makes the warning once: of two reports at the same time, only one inserts it.
/// </summary>
public class AttendanceWarning
{
    public string StudentId { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset WarnedAt { get; set; }
}
