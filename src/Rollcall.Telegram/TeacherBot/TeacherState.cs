using Rollcall.Lms;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Where a teacher is in the conversation; stored as JSON, never holds a password.</summary>
public sealed record TeacherState
{
    public TeacherStep Step { get; init; } = TeacherStep.Idle;

    public long? TeacherId { get; init; }

    public string TeacherName { get; init; } = "";

    public string? Username { get; init; }

    /// <summary>Batches and subjects the LMS offered; buttons refer to them by index.</summary>
    public IReadOnlyList<BatchSubjects> Pending { get; init; } = [];

    public IReadOnlyList<int> Selected { get; init; } = [];

    public IReadOnlyList<string> Subjects { get; init; } = [];

    public string? Subject { get; init; }

    /// <summary>The session the roll's remark or re-centring is for.</summary>
    public Guid? RollSessionId { get; init; }

    /// <summary>The student (roll index) a remark is for.</summary>
    public int? RollIndex { get; init; }

    /// <summary>Prefix of the current keyboard's callback data: a button of any older keyboard carries another one.</summary>
    public string KeyboardToken { get; init; } = "";

    public static TeacherState Start { get; } = new();

    public IReadOnlyList<string> SelectedBatches => [.. Selected.Order().Select(i => Pending[i].Batch)];
}

/// <summary>The steps of the teacher conversation.</summary>
public enum TeacherStep
{
    Idle,
    AwaitContact,
    AwaitUsername,
    AwaitPassword,
    ChooseBatches,
    ChooseSubject,
    AwaitLocation,

    /// <summary>The roll asked for a remark on a student (text).</summary>
    AwaitRemark,

    /// <summary>The roll asked for the teacher's location as the class area's new centre.</summary>
    AwaitRecentre,
}
