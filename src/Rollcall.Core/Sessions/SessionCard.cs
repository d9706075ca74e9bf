namespace Rollcall.Sessions;

/// <summary>What the teacher's session message shows: the code, the class, the window and the live roll's counts.</summary>
public sealed record SessionCard(
    Guid Id,
    string Otp,
    IReadOnlyList<string> Batches,
    string Subject,
    DateOnly Date,
    DateTimeOffset OpenedAt,
    CheckInWindow Window,
    int Students,
    RollCounts Counts,
    DateTimeOffset? ReportSentAt)
{
    /// <summary>The accuracy radius of the teacher's fix at the centre, when the phone reported one.</summary>
    public double? CentreAccuracy { get; init; }

    public SessionPhase PhaseAt(DateTimeOffset now) => Window.PhaseAt(now, ReportSentAt is not null);
}
