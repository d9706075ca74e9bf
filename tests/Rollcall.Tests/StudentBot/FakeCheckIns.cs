using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Ports;

namespace Rollcall.Tests.StudentBot;

/// <summary>The check-in store's contract in memory: sessions open until their expiry, a lock-out after N wrong tries.</summary>
internal sealed class FakeCheckIns : ICheckInStore
{
    private readonly Dictionary<long, (int Failures, DateTimeOffset? Until)> _locks = [];

    public List<(string Otp, string StudentId, DateTimeOffset ExpiresAt, SessionMatch Match)> Sessions { get; } = [];

    public List<VerificationRequest> Queued { get; } = [];

    public HashSet<string> Seen { get; } = [];

    public Task<DateTimeOffset?> LockedUntilAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_locks.TryGetValue(telegramUserId, out var l) && l.Until > now ? l.Until : null);

    public Task<OtpFailure> RecordFailureAsync(long telegramUserId, string otp, string studentId, DateTimeOffset now, OtpLimits limits, CancellationToken cancellationToken)
    {
        var failures = (_locks.TryGetValue(telegramUserId, out var l) ? l.Failures : 0) + 1;
        DateTimeOffset? until = failures >= limits.MaxTries ? now + limits.Lockout : null;
        _locks[telegramUserId] = (failures, until);
        return Task.FromResult(new OtpFailure(Math.Max(0, limits.MaxTries - failures), until));
    }

    public Task ClearFailuresAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        _locks.Remove(telegramUserId);
        return Task.CompletedTask;
    }

    public Task<SessionMatch?> FindOpenSessionAsync(string otp, string studentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.Where(s => s.Otp == otp && s.StudentId == studentId && now < s.ExpiresAt).Select(s => s.Match).FirstOrDefault());

    /// <summary>What CheckAccountAsync answers (bindings are the store's job; the conversation only reacts).</summary>
    public AccountCheck Account { get; set; } = AccountCheck.Allowed;

    public Task<AccountCheck> CheckAccountAsync(Guid sessionId, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Account);

    public Task<QueueResult> TryQueueVerificationAsync(VerificationRequest request, AttemptPolicy policy, CancellationToken cancellationToken)
    {
        if (!Seen.Add(request.FileUniqueId))
        {
            return Task.FromResult<QueueResult>(new QueueResult.Replayed());
        }

        Queued.Add(request);
        return Task.FromResult<QueueResult>(new QueueResult.Queued(Guid.NewGuid(), Queued.Count));
    }

    public void Open(string otp, string studentId, DateTimeOffset expiresAt, GeoPoint centre, bool present = false, int attemptsUsed = 0) =>
        Sessions.Add((otp, studentId, expiresAt, new SessionMatch(Guid.NewGuid(), "Asha", "CS-A", centre, present, attemptsUsed)));
}
