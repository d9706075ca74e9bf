using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Geofence;
using Rollcall.Otp;

namespace Rollcall.Ports;

/// <summary>A student's check-in: OTP lock-out, finding the session, and queueing the face verification.</summary>
public interface ICheckInStore
{
    /// <summary>When the user is locked out at <paramref name="now"/>, the end of the lock-out.</summary>
    Task<DateTimeOffset?> LockedUntilAsync(long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one wrong ID/OTP pair under <see cref="OtpLockout"/>'s rule, and audits it.</summary>
    Task<OtpFailure> RecordFailureAsync(long telegramUserId, string otp, string studentId, DateTimeOffset now, OtpLimits limits, CancellationToken cancellationToken);

    Task ClearFailuresAsync(long telegramUserId, CancellationToken cancellationToken);

    /// <summary>The open session whose code (or, with rotation, the code before) is <paramref name="otp"/> and whose roster has <paramref name="studentId"/>.</summary>
    Task<SessionMatch?> FindOpenSessionAsync(string otp, string studentId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The open session whose code is <paramref name="otp"/>, whoever asks (a deep link's code, proven before the ID is typed).</summary>
    Task<Guid?> FindSessionByCodeAsync(string otp, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The student on the roster of a session whose code was proven earlier, while it accepts check-ins.</summary>
    Task<SessionMatch?> FindSessionStudentAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that the student gave the code in time: the roll counts them as checking in, and the report waits for them.</summary>
    Task BeginCheckInAsync(Guid sessionId, string studentId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The session's centre while it accepts check-ins (until the grace ends, before the report); null after.</summary>
    Task<GeoPoint?> CheckInCentreAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether this Telegram account may check in as <paramref name="studentId"/> in the session; binds the ID when it is not yet.</summary>
    Task<AccountCheck> CheckAccountAsync(Guid sessionId, string studentId, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the teacher is told of this account refusal (once per session, student and refusal); the teacher's chat
    /// and the student's roll entry when it is the first time, else null.
    /// </summary>
    Task<RefusalNotice?> NoteRefusalAsync(Guid sessionId, string studentId, AccountCheck refusal, long studentChatId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the student's mark in the session is decided (present, refused or in review): the check-in is over.</summary>
    Task<bool> IsCheckInOverAsync(Guid sessionId, string studentId, CancellationToken cancellationToken);

    /// <summary>
    /// A live location's later fix from <paramref name="telegramUserId"/>: on each of the account's marks in a session whose
    /// check-in window is still open, the first fix outside the area (<see cref="Geofence.LeftArea"/>) is recorded and
    /// audited. Returns how many marks it recorded.
    /// </summary>
    Task<int> NoteLaterFixAsync(long telegramUserId, GeoPoint fix, double limitMetres, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores a verification job for the next attempt; a second send of the same attempt counts once.</summary>
    Task<QueueResult> TryQueueVerificationAsync(VerificationRequest request, AttemptPolicy policy, CancellationToken cancellationToken);
}

/// <summary>Account binding: a student ID belongs to the Telegram account of its first accepted code entry.</summary>
public enum AccountCheck
{
    Allowed,

    /// <summary>The ID is bound to another Telegram account.</summary>
    BoundToAnotherAccount,

    /// <summary>This account already checked in under, or is bound to, another student ID of this session.</summary>
    AnotherIdThisSession,
}

/// <summary>Whom to tell of a refused check-in: the session's teacher chat, and the student as the roll names them.</summary>
public sealed record RefusalNotice(long TeacherChatId, string StudentName, string Subject, int RollIndex);

/// <summary>The session a student's code matched, with the student's roster entry and standing.</summary>
public sealed record SessionMatch(Guid SessionId, string StudentName, string Batch, GeoPoint Centre, bool AlreadyPresent, int AttemptsUsed)
{
    /// <summary>The status the teacher set for the student in this session, if any: then only the teacher changes it.</summary>
    public MarkStatus? SetByTeacher { get; init; }
}

/// <summary>A received video note to verify, with the challenge the student was asked to perform in it.</summary>
public sealed record VerificationRequest(
    Guid SessionId,
    string StudentId,
    long ChatId,
    long TelegramUserId,
    string FileId,
    string FileUniqueId,
    DateTimeOffset Now,
    Challenge Challenge = default)
{
    /// <summary>Distance of a location too imprecise to prove presence (a match then goes to the teacher's review).</summary>
    public double? ImpreciseDistance { get; init; }

    public double? ImpreciseAccuracy { get; init; }

    /// <summary>What the next attempt asks for, should this one fail: told to the student with this note's answer.</summary>
    public Challenge NextChallenge { get; init; }
}

/// <summary>Outcome of queueing a verification.</summary>
public abstract record QueueResult
{
    private QueueResult()
    {
    }

    public sealed record Queued(Guid JobId, int Attempt) : QueueResult;

    /// <summary>This attempt is queued already (a double send, or still processing).</summary>
    public sealed record AlreadyQueued : QueueResult;

    /// <summary>The same file (file_unique_id) was received before.</summary>
    public sealed record Replayed : QueueResult;

    public sealed record AlreadyPresent : QueueResult;

    public sealed record NoAttemptsLeft : QueueResult;

    /// <summary>The check-in waits for the teacher's review.</summary>
    public sealed record InReview : QueueResult;

    /// <summary>The teacher set the student's status for this session.</summary>
    public sealed record SetByTeacher(MarkStatus Status) : QueueResult;

    /// <summary>The report went out; check-ins are over.</summary>
    public sealed record SessionClosed : QueueResult;
}
