using Rollcall.Attendance;

namespace Rollcall.Lms;

/// <summary>A batch with the subjects whose attendance is pending for a teacher.</summary>
public sealed record BatchSubjects(string Batch, IReadOnlyList<string> Subjects);

/// <summary>A student on a session's roster.</summary>
public sealed record RosterStudent(string StudentId, string Name, string Batch);

/// <summary>One student's status in an attendance submission: their mark (null: never checked in).</summary>
public sealed record StudentStatus(string StudentId, MarkStatus? Mark)
{
    /// <summary>Present (1) or not (0), as the seed's LMS records it.</summary>
    public StudentStatus(string studentId, bool present)
        : this(studentId, present ? MarkStatus.Present : null)
    {
    }

    /// <summary>In class: present or late.</summary>
    public bool Present => Mark is MarkStatus.Present or MarkStatus.Late;
}

/// <summary>The whole roster of one batch/subject/date; <see cref="IsFirst"/> selects create (POST) over update (PUT).</summary>
public sealed record AttendanceSubmission(
    string Batch,
    string Subject,
    DateOnly Date,
    bool IsFirst,
    IReadOnlyList<StudentStatus> Students);

/// <summary>Access and refresh JWTs with their expiry and the mentor id taken from the access token.</summary>
public sealed record LmsTokens(string AccessToken, DateTimeOffset AccessExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, string MentorId);

/// <summary>A teacher's LMS username and password, decrypted for a login.</summary>
public sealed record LmsCredentials(string Username, string Password);
