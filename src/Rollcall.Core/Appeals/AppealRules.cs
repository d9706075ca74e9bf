using Rollcall.Attendance;

namespace Rollcall.Appeals;

/// <summary>Where a student's appeal stands; stored as its name.</summary>
public enum AppealState
{
    /// <summary>Sent to the session's teacher, waiting for Approve or Reject.</summary>
    Open,

    /// <summary>The teacher approved: the mark was set present through the teacher's correction.</summary>
    Approved,

    /// <summary>The teacher rejected it: the mark stands.</summary>
    Rejected,
}

/// <summary>What the store found behind an appeal: the receipt, the mark now and the earlier appeals (read by the store, judged here).</summary>
/// <param name="OwnReceipt">The receipt is of an ID bound to the asking account, or of a check-in from it.</param>
/// <param name="Status">The mark's status now.</param>
/// <param name="SessionOpenedAt">When the session began: the window runs from there.</param>
/// <param name="Earlier">The state of an earlier appeal for the same student and session, if any.</param>
public sealed record AppealFacts(bool OwnReceipt, MarkStatus Status, DateTimeOffset SessionOpenedAt, AppealState? Earlier);

/// <summary>Whether an appeal is taken, and why not.</summary>
public enum AppealAdmission
{
    Admitted,

    /// <summary>The code is unknown, forged, or of another student's receipt: the same answer, so codes cannot be probed.</summary>
    UnknownReceipt,

    /// <summary>The student is in class (present, late, excused) or waits for a review: nothing to appeal.</summary>
    NotRefused,

    /// <summary>More than APPEAL_HOURS since the session began.</summary>
    TooLate,

    /// <summary>An appeal for this session waits for the teacher.</summary>
    AlreadyOpen,

    /// <summary>The teacher decided an appeal for this session already.</summary>
    AlreadyDecided,
}

/// <summary>Who may appeal a decision, and when: a refused or absent student, with their own receipt, within APPEAL_HOURS, once per session.</summary>
public static class AppealRules
{
    public const int DefaultHours = 48;

    /// <summary>The statuses a student may appeal: refused (by the machine or in review) or absent.</summary>
    public static readonly MarkStatus[] Appealable = [MarkStatus.Refused, MarkStatus.Absent];

    public static AppealAdmission Admit(AppealFacts? facts, DateTimeOffset now, TimeSpan window) => facts switch
    {
        null or { OwnReceipt: false } => AppealAdmission.UnknownReceipt,
        { Earlier: AppealState.Open } => AppealAdmission.AlreadyOpen,
        { Earlier: not null } => AppealAdmission.AlreadyDecided,
        _ when now - facts.SessionOpenedAt > window => AppealAdmission.TooLate,
        _ when !Appealable.Contains(facts.Status) => AppealAdmission.NotRefused,
        _ => AppealAdmission.Admitted,
    };
}
