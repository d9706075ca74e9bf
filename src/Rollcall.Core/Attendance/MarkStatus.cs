namespace Rollcall.Attendance;

/// <summary>
/// Where a student stands in one session. Stored as its name, so values are only ever added. A student with no mark in a
/// session (never gave the code) is absent, and so is a refused one; <see cref="AttendanceRule"/> says how each counts.
/// </summary>
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

    /// <summary>Present, but late (marked by the teacher or after LATE_AFTER_MINUTES).</summary>
    Late,

    /// <summary>Away with the teacher's leave: by default the session is left out of the student's held sessions.</summary>
    Excused,

    /// <summary>Set absent by the teacher.</summary>
    Absent,
}
