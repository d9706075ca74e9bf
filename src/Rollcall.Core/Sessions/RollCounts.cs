using Rollcall.Attendance;

namespace Rollcall.Sessions;

/// <summary>
/// The live roll's counts of a session: present (late included), in review, refused (absent by the teacher included),
/// excused, and not yet (no decision; <see cref="CheckingIn"/> of them gave the code).
/// </summary>
public sealed record RollCounts(int Present, int InReview, int Refused, int Excused, int NotYet, int CheckingIn)
{
    /// <summary>Counts a roster of <paramref name="students"/> from the statuses of its marks.</summary>
    public static RollCounts Of(int students, IEnumerable<MarkStatus> marks)
    {
        int present = 0, inReview = 0, refused = 0, excused = 0, checkingIn = 0;
        foreach (var status in marks)
        {
            switch (status)
            {
                case MarkStatus.Present or MarkStatus.Late:
                    present++;
                    break;
                case MarkStatus.InReview:
                    inReview++;
                    break;
                case MarkStatus.Refused or MarkStatus.Absent:
                    refused++;
                    break;
                case MarkStatus.Excused:
                    excused++;
                    break;
                default:
                    checkingIn++;
                    break;
            }
        }

        return new RollCounts(present, inReview, refused, excused, students - present - inReview - refused - excused, checkingIn);
    }
}
