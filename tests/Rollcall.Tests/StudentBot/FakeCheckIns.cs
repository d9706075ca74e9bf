using Rollcall.Attendance;
using Rollcall.Geofence;
using Rollcall.Otp;
using Rollcall.Ports;

namespace Rollcall.Tests.StudentBot;

/// <summary>
/// The check-in store's rows in memory (sessions, lock-out counts, marks, seen files); the rules are the real ones
/// (<see cref="OtpLockout"/>, <see cref="MarkDecision"/>), as CheckInStore applies them.
/// </summary>
internal sealed class FakeCheckIns : ICheckInStore
{
    public List<(string Otp, string StudentId, DateTimeOffset ExpiresAt, SessionMatch Match)> Sessions { get; } = [];

    public Dictionary<long, OtpCount> Locks { get; } = [];

    /// <summary>Wrong IDs sent with each open session's code.</summary>
    public Dictionary<Guid, int> WrongIds { get; } = [];

    public Dictionary<(Guid SessionId, string StudentId), MarkState> Marks { get; } = [];

    public List<VerificationRequest> Queued { get; } = [];

    public HashSet<string> Seen { get; } = [];

    /// <summary>What CheckAccountAsync answers (bindings are the store's job; the conversation only reacts).</summary>
    public AccountCheck Account { get; set; } = AccountCheck.Allowed;

    public Task<DateTimeOffset?> LockedUntilAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(OtpLockout.LockedUntil(Locks.GetValueOrDefault(telegramUserId), now));

    public Task<OtpFailure> RecordFailureAsync(long telegramUserId, string otp, string studentId, DateTimeOffset now, OtpLimits limits, CancellationToken cancellationToken)
    {
        var session = Sessions.Where(s => s.Otp == otp && now < s.ExpiresAt).Select(s => (Guid?)s.Match.SessionId).FirstOrDefault();
        int? wrongIds = session is { } id ? WrongIds.GetValueOrDefault(id) : null;
        if (session is { } open)
        {
            WrongIds[open] = WrongIds.GetValueOrDefault(open) + 1;
        }

        var result = OtpLockout.RecordFailure(Locks.GetValueOrDefault(telegramUserId), now, limits, wrongIds);
        Locks[telegramUserId] = result.Count;
        return Task.FromResult(result.Failure);
    }

    public Task ClearFailuresAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        Locks.Remove(telegramUserId);
        return Task.CompletedTask;
    }

    public Task<SessionMatch?> FindOpenSessionAsync(string otp, string studentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.Where(s => s.Otp == otp && s.StudentId == studentId && now < s.ExpiresAt).Select(s => s.Match).FirstOrDefault());

    public Task<Guid?> FindSessionByCodeAsync(string otp, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.Where(s => s.Otp == otp && now < s.ExpiresAt).Select(s => (Guid?)s.Match.SessionId).FirstOrDefault());

    /// <summary>Sessions accept check-ins (location, note) until this long after their code expires.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(3);

    public Task<SessionMatch?> FindSessionStudentAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.Where(s => s.Match.SessionId == sessionId && s.StudentId == studentId && now < s.ExpiresAt + Grace)
            .Select(s => s.Match).FirstOrDefault());

    public Task BeginCheckInAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Marks.TryAdd((sessionId, studentId), MarkState.New);
        return Task.CompletedTask;
    }

    public Task<GeoPoint?> CheckInCentreAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Sessions.Where(s => s.Match.SessionId == sessionId && now < s.ExpiresAt + Grace).Select(s => (GeoPoint?)s.Match.Centre).FirstOrDefault());

    /// <summary>Refusals the teacher was told of.</summary>
    public List<(Guid SessionId, string StudentId, AccountCheck Refusal)> Noticed { get; } = [];

    public Task<RefusalNotice?> NoteRefusalAsync(Guid sessionId, string studentId, AccountCheck refusal, long studentChatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Noticed.Contains((sessionId, studentId, refusal)))
        {
            return Task.FromResult<RefusalNotice?>(null);
        }

        Noticed.Add((sessionId, studentId, refusal));
        return Task.FromResult<RefusalNotice?>(new RefusalNotice(900, "Student " + studentId, "Maths", 0));
    }

    public Task<AccountCheck> CheckAccountAsync(Guid sessionId, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Account);

    public Task<bool> IsCheckInOverAsync(Guid sessionId, string studentId, CancellationToken cancellationToken) =>
        Task.FromResult(Marks.GetValueOrDefault((sessionId, studentId))?.IsDecided ?? false);

    public List<(long TelegramUserId, GeoPoint Fix)> LaterFixes { get; } = [];

    public Task<int> NoteLaterFixAsync(long telegramUserId, GeoPoint fix, double limitMetres, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LaterFixes.Add((telegramUserId, fix));
        return Task.FromResult(0);
    }

    public Task<QueueResult> TryQueueVerificationAsync(VerificationRequest request, AttemptPolicy policy, CancellationToken cancellationToken)
    {
        var key = (request.SessionId, request.StudentId);
        var mark = Marks.GetValueOrDefault(key);
        switch (MarkDecision.Admit(mark, policy))
        {
            case Admission.AlreadyPresent:
                return Task.FromResult<QueueResult>(new QueueResult.AlreadyPresent());
            case Admission.InReview:
                return Task.FromResult<QueueResult>(new QueueResult.InReview());
            case Admission.NoAttemptsLeft:
                return Task.FromResult<QueueResult>(new QueueResult.NoAttemptsLeft());
        }

        if (!Seen.Add(request.FileUniqueId))
        {
            return Task.FromResult<QueueResult>(new QueueResult.Replayed());
        }

        Marks[key] = mark ?? MarkState.New;
        Queued.Add(request);
        return Task.FromResult<QueueResult>(new QueueResult.Queued(Guid.NewGuid(), Marks[key].AttemptsUsed + 1));
    }

    public void Open(string otp, string studentId, DateTimeOffset expiresAt, GeoPoint centre, bool present = false, int attemptsUsed = 0) =>
        Sessions.Add((otp, studentId, expiresAt, new SessionMatch(Guid.NewGuid(), "Asha", "CS-A", centre, present, attemptsUsed)));
}
