using Microsoft.Extensions.Logging;

namespace Rollcall.Lms;

/// <summary>Log messages of the HTTP LMS (event ids 3000-3999): teacher ids and outcomes, never passwords or tokens.</summary>
internal static partial class LmsLog
{
    [LoggerMessage(3000, LogLevel.Information, "Teacher {TeacherId} signed in to the LMS as mentor {MentorId}")]
    public static partial void SignedIn(ILogger logger, long teacherId, string mentorId);

    [LoggerMessage(3001, LogLevel.Information, "LMS refused the credentials of teacher {TeacherId} with {Status}")]
    public static partial void CredentialsRefused(ILogger logger, long teacherId, int status);

    [LoggerMessage(3002, LogLevel.Information, "LMS says teacher {TeacherId} is logged in elsewhere; logging out there and retrying once")]
    public static partial void LoggedInElsewhere(ILogger logger, long teacherId);

    [LoggerMessage(3003, LogLevel.Debug, "Refreshed the LMS access token of teacher {TeacherId}")]
    public static partial void TokenRefreshed(ILogger logger, long teacherId);

    [LoggerMessage(3004, LogLevel.Information, "LMS refused the refresh token of teacher {TeacherId} with {Status}; logging in again")]
    public static partial void RefreshRefused(ILogger logger, long teacherId, int status);

    [LoggerMessage(3005, LogLevel.Warning, "Teacher {TeacherId} has no stored LMS credentials; a new sign-in is needed")]
    public static partial void NoStoredCredentials(ILogger logger, long teacherId);

    [LoggerMessage(3006, LogLevel.Warning, "LMS unavailable for {Operation} of teacher {TeacherId}: {Reason}")]
    public static partial void Unavailable(ILogger logger, string operation, long teacherId, string reason, Exception? exception);

    [LoggerMessage(3007, LogLevel.Debug, "Pending batches of teacher {TeacherId} served from the cache")]
    public static partial void PendingFromCache(ILogger logger, long teacherId);

    [LoggerMessage(3008, LogLevel.Information, "Attendance {Method} for {Batch}/{Subject}/{Date} of teacher {TeacherId}: {Outcome} (HTTP {Status})")]
    public static partial void Submitted(ILogger logger, string method, string batch, string subject, DateOnly date, long teacherId, SubmissionOutcome outcome, int status);

    [LoggerMessage(3010, LogLevel.Warning, "LMS answered an attendance write of teacher {TeacherId} with {Status} and {Problem}: not counted as accepted")]
    public static partial void WriteNotAccepted(ILogger logger, long teacherId, int status, string problem);

    [LoggerMessage(3011, LogLevel.Warning, "LMS refused {Operation} of teacher {TeacherId} after a refresh and a new login; the teacher must sign in again")]
    public static partial void AccessRefused(ILogger logger, long teacherId, string operation);

    [LoggerMessage(3009, LogLevel.Warning, "LMS answered {Operation} of teacher {TeacherId} with an unreadable body")]
    public static partial void UnreadableAnswer(ILogger logger, string operation, long teacherId, Exception? exception);
}
