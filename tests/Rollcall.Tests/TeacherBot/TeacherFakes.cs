using Rollcall.Lms;
using Rollcall.Ports;

namespace Rollcall.Tests.TeacherBot;

/// <summary>An LMS with one teacher whose password is "right", two batches and their rosters.</summary>
internal sealed class FakeLms : ILmsGateway
{
    public bool Down { get; set; }

    public List<BatchSubjects> Pending { get; } =
    [
        new("CS-A", ["Maths", "Physics"]),
        new("CS-B", ["Maths", "Chemistry"]),
    ];

    public Dictionary<string, List<RosterStudent>> Rosters { get; } = new()
    {
        ["CS-A"] = [new("S1", "Asha", "CS-A"), new("S2", "Ben", "CS-A")],
        ["CS-B"] = [new("S3", "Chen", "CS-B")],
    };

    public Task<LmsResult<string>> SignInAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult<LmsResult<string>>(Down
            ? new LmsResult<string>.Unavailable("down")
            : credentials.Password == "right" ? new LmsResult<string>.Ok("mentor-1") : new LmsResult<string>.WrongCredentials());

    public Task<LmsResult<IReadOnlyList<BatchSubjects>>> GetPendingAsync(long teacherId, CancellationToken cancellationToken) =>
        Task.FromResult<LmsResult<IReadOnlyList<BatchSubjects>>>(Down
            ? new LmsResult<IReadOnlyList<BatchSubjects>>.Unavailable("down")
            : new LmsResult<IReadOnlyList<BatchSubjects>>.Ok(Pending));

    public Task<LmsResult<IReadOnlyList<RosterStudent>>> GetRosterAsync(long teacherId, string batch, string subject, CancellationToken cancellationToken) =>
        Task.FromResult<LmsResult<IReadOnlyList<RosterStudent>>>(new LmsResult<IReadOnlyList<RosterStudent>>.Ok(Rosters[batch]));

    public Task<SubmissionOutcome> SubmitAsync(long teacherId, AttendanceSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionOutcome.Accepted);
}

/// <summary>One registered teacher, phone 919876543210.</summary>
internal sealed class FakeAccounts : ITeacherAccounts
{
    public const long TeacherId = 7;

    public long? BoundUser { get; private set; }

    public LmsCredentials? Stored { get; private set; }

    public Task<TeacherAccount?> FindByTelegramUserAsync(long telegramUserId, CancellationToken cancellationToken) =>
        Task.FromResult(BoundUser == telegramUserId ? new TeacherAccount(TeacherId, "Dr Rao", Stored is not null) : null);

    public Task<TeacherAccount?> FindByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        Task.FromResult(global::Rollcall.Sessions.PhoneNumber.Key(phone) == "919876543210" ? new TeacherAccount(TeacherId, "Dr Rao", Stored is not null) : null);

    public Task BindAsync(long teacherId, long telegramUserId, LmsCredentials credentials, CancellationToken cancellationToken)
    {
        BoundUser = telegramUserId;
        Stored = credentials;
        return Task.CompletedTask;
    }
}

/// <summary>Sessions in memory with the store's rule: one per teacher, batch, subject and date.</summary>
internal sealed class FakeSessions : ISessionStore
{
    private readonly HashSet<(long, string, string, DateOnly)> _taken = [];

    public List<SessionDraft> Opened { get; } = [];

    public List<Guid> Ids { get; } = [];

    public Task<OpenSessionResult> TryOpenAsync(SessionDraft draft, Func<string> nextOtp, CancellationToken cancellationToken)
    {
        var clash = draft.Batches.FirstOrDefault(b => _taken.Contains((draft.TeacherId, b, draft.Subject, draft.Date)));
        if (clash is not null)
        {
            return Task.FromResult<OpenSessionResult>(new OpenSessionResult.Duplicate(clash, Ids[0]));
        }

        foreach (var batch in draft.Batches)
        {
            _taken.Add((draft.TeacherId, batch, draft.Subject, draft.Date));
        }

        Opened.Add(draft);
        Ids.Add(Guid.NewGuid());
        return Task.FromResult<OpenSessionResult>(new OpenSessionResult.Opened(Ids[^1], nextOtp(), draft.Times.ExpiresAt(draft.CreatedAt)));
    }
}
