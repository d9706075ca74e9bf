using Rollcall.Lms;

namespace Rollcall.Ports;

/// <summary>The institute's LMS (over HTTP) or Rollcall's built-in roster.</summary>
public interface ILmsGateway
{
    /// <summary>Logs in; on success the tokens are persisted for <paramref name="teacherId"/> and the mentor id returned.</summary>
    Task<LmsResult<string>> SignInAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Batches and their pending subjects for a signed-in teacher.</summary>
    Task<LmsResult<IReadOnlyList<BatchSubjects>>> GetPendingAsync(long teacherId, CancellationToken cancellationToken);

    /// <summary>Students of one batch for a subject.</summary>
    Task<LmsResult<IReadOnlyList<RosterStudent>>> GetRosterAsync(long teacherId, string batch, string subject, CancellationToken cancellationToken);

    /// <summary>Creates or updates the attendance record of one batch/subject/date.</summary>
    Task<SubmissionOutcome> SubmitAsync(long teacherId, AttendanceSubmission submission, CancellationToken cancellationToken);
}

/// <summary>Persists a teacher's LMS tokens and credentials, encrypted at rest.</summary>
public interface ILmsTokenStore
{
    Task<LmsTokens?> FindTokensAsync(long teacherId, CancellationToken cancellationToken);

    Task SaveTokensAsync(long teacherId, LmsTokens tokens, CancellationToken cancellationToken);

    /// <summary>The stored username and password, for a re-login when the refresh token is refused.</summary>
    Task<LmsCredentials?> FindCredentialsAsync(long teacherId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the teacher's token-renewal lock for every instance sharing the store, for at most <paramref name="hold"/>
    /// (a holder that dies frees it then); null while another holds it. Disposing the handle frees it.
    /// </summary>
    Task<IAsyncDisposable?> TryLockRenewalAsync(long teacherId, TimeSpan hold, CancellationToken cancellationToken);
}
