namespace Rollcall.Ports;

/// <summary>Tells a teacher, outside any conversation, about something only the teacher can fix.</summary>
public interface ITeacherAlerts
{
    /// <summary>The LMS refuses the teacher's sign-in, so the marks of this batch/subject/date wait for a new sign-in.</summary>
    Task LmsRefusedAsync(long teacherId, string batch, string subject, DateOnly date, CancellationToken cancellationToken);
}
