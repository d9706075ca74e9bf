using Rollcall.Attendance;

namespace Rollcall.Lms;

/// <summary>
/// The value the LMS's attendance API takes for a mark: 1 present, 0 absent; Late and Excused are what LMS_STATUS_LATE and
/// LMS_STATUS_EXCUSED say (1 and 0 by default), as the seed's API knows no other values.
/// </summary>
public sealed record LmsStatus(int Late = 1, int Excused = 0)
{
    public int Of(MarkStatus? mark) => mark switch
    {
        MarkStatus.Present => 1,
        MarkStatus.Late => Late,
        MarkStatus.Excused => Excused,
        _ => 0,
    };

    /// <summary>Of a student's marks across the day's sessions, the one the LMS records: present, then late, then excused.</summary>
    public static MarkStatus? Strongest(IEnumerable<MarkStatus> marks) =>
        marks.Contains(MarkStatus.Present) ? MarkStatus.Present
        : marks.Contains(MarkStatus.Late) ? MarkStatus.Late
        : marks.Contains(MarkStatus.Excused) ? MarkStatus.Excused
        : null;
}
