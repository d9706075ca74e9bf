namespace Rollcall.Attendance;

/// <summary>Where a student stands in one session.</summary>
public enum MarkStatus
{
    /// <summary>Checked in, no decision yet (or failed attempts left).</summary>
    Pending,

    /// <summary>Verified and present.</summary>
    Present,

    /// <summary>Waiting for the teacher's review.</summary>
    InReview,

    /// <summary>All attempts used without a match, or rejected in review.</summary>
    Refused,
}
