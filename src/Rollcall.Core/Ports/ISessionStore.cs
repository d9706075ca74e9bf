using Rollcall.Geofence;
using Rollcall.Lms;
using Rollcall.Sessions;

namespace Rollcall.Ports;

/// <summary>Opens attendance sessions; the duplicate rule and OTP uniqueness are the store's unique indexes.</summary>
public interface ISessionStore
{
    /// <summary>Creates the session with its roster, drawing codes from <paramref name="nextOtp"/> until one is free.</summary>
    Task<OpenSessionResult> TryOpenAsync(SessionDraft draft, Func<string> nextOtp, CancellationToken cancellationToken);
}

/// <summary>Everything a new session needs; <see cref="Roster"/> is the union of the batches' students.</summary>
public sealed record SessionDraft(
    long TeacherId,
    long TeacherChatId,
    IReadOnlyList<string> Batches,
    string Subject,
    DateOnly Date,
    GeoPoint Centre,
    DateTimeOffset CreatedAt,
    SessionTimes Times,
    IReadOnlyList<RosterStudent> Roster);

/// <summary>Outcome of opening a session.</summary>
public abstract record OpenSessionResult
{
    private OpenSessionResult()
    {
    }

    public sealed record Opened(Guid SessionId, string Otp, DateTimeOffset ExpiresAt) : OpenSessionResult;

    /// <summary>The teacher already has a session for this batch, subject and date: <paramref name="SessionId"/>.</summary>
    public sealed record Duplicate(string Batch, Guid SessionId) : OpenSessionResult;
}
