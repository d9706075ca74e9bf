namespace Rollcall.Lms;

/// <summary>Outcome of an LMS call: a value, refused credentials, or an LMS that could not be reached.</summary>
public abstract record LmsResult<T>
{
    private LmsResult()
    {
    }

    public sealed record Ok(T Value) : LmsResult<T>;

    /// <summary>The LMS refused the teacher's credentials (401/400 at login, or re-login failed).</summary>
    public sealed record WrongCredentials : LmsResult<T>;

    /// <summary>Timeout, connection refused, 5xx or an unreadable answer.</summary>
    public sealed record Unavailable(string Reason) : LmsResult<T>;
}

/// <summary>Outcome of an attendance submission.</summary>
public enum SubmissionOutcome
{
    /// <summary>200/201 with a JSON body that reports no error: the LMS stored it.</summary>
    Accepted,

    /// <summary>403 duplicate: already recorded, counts as success.</summary>
    Duplicate,

    /// <summary>Anything else: to be retried later.</summary>
    Failed,

    /// <summary>The LMS refuses the teacher's sign-in even after a refresh and a new login: retried, and the teacher is told.</summary>
    Refused,
}
