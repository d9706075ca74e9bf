namespace Rollcall.Telegram.StudentBot;

/// <summary>Where a student is in the check-in; stored as JSON.</summary>
public sealed record StudentState
{
    public StudentStep Step { get; init; } = StudentStep.Idle;

    public string? StudentId { get; init; }

    public Guid? SessionId { get; init; }

    /// <summary>The code a deep link carried, proven at /start: the ID step then goes straight to the session.</summary>
    public string? LinkedCode { get; init; }

    public string StudentName { get; init; } = "";

    public double CentreLatitude { get; init; }

    public double CentreLongitude { get; init; }

    /// <summary>What the student was asked to do in the video note.</summary>
    public Faces.ChallengeKind Challenge { get; init; }

    /// <summary>Set when the location was too imprecise to prove presence: a match then goes to the teacher.</summary>
    public double? ImpreciseDistance { get; init; }

    public double? ImpreciseAccuracy { get; init; }

    public static StudentState Start { get; } = new();
}

/// <summary>The steps of the student conversation.</summary>
public enum StudentStep
{
    Idle,
    AwaitStudentId,
    AwaitOtp,
    AwaitLocation,
    AwaitVideoNote,

    /// <summary>Self-enrolment: the student ID whose ID photo the face becomes.</summary>
    AwaitEnrolId,

    /// <summary>Self-enrolment: the video note whose best frame becomes the ID photo.</summary>
    AwaitEnrolVideo,
}

/// <summary>The result of one student step: next state, replies, and jobs to queue after the commit.</summary>
public sealed record StudentTurn(StudentState State, IReadOnlyList<Updates.Reply> Replies, IReadOnlyList<Guid> QueuedJobs)
{
    /// <summary>Messages for the teacher (a refused check-in the teacher can put right).</summary>
    public IReadOnlyList<Updates.Notice> Notices { get; init; } = [];
}
