using System.Globalization;
using Rollcall.Attendance;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// The callback data of the session message, the roll and the teacher's notices: "rl:{action}:{session}:{index}:{status}:{page}",
/// at most 52 bytes. Students are named by their place in roll order, as an ID could be 50 characters long.
/// </summary>
public static class RollButtons
{
    public const string Prefix = "rl:";

    /// <summary>The page of a tap that came from a notice rather than from the roll.</summary>
    public const int FromNotice = -1;

    /// <summary>The session message's Roll button: the roll's first page as a new message.</summary>
    public static string Open(Guid session) => $"rl:o:{session:N}:0:-:0";

    /// <summary>A page of the roll, in the roll's own message.</summary>
    public static string Roll(Guid session, int page) => $"rl:r:{session:N}:0:-:{page}";

    public static string Extend(Guid session) => $"rl:x:{session:N}:0:-:0";

    public static string Close(Guid session) => $"rl:c:{session:N}:0:-:0";

    public static string Report(Guid session) => $"rl:p:{session:N}:0:-:0";

    public static string Show(Guid session) => $"rl:s:{session:N}:0:-:0";

    public static string Recentre(Guid session) => $"rl:g:{session:N}:0:-:0";

    public static string Student(Guid session, int index, int page) => $"rl:i:{session:N}:{index}:-:{page}";

    /// <summary>A status from the roll's line (t), the student's card (k), or a notice (page <see cref="FromNotice"/>).</summary>
    public static string Set(Guid session, int index, MarkStatus status, int page, bool fromCard = false) =>
        $"rl:{(fromCard ? 'k' : 't')}:{session:N}:{index}:{Letter(status)}:{page}";

    public static string Reset(Guid session, int index, int page) => $"rl:z:{session:N}:{index}:-:{page}";

    public static string Unbind(Guid session, int index, int page) => $"rl:u:{session:N}:{index}:-:{page}";

    public static string Remark(Guid session, int index) => $"rl:m:{session:N}:{index}:-:0";

    public static RollTap? Parse(string data)
    {
        var parts = data.Split(':');
        if (parts is not ["rl", [var action], var session, var index, var status, var page]
            || !Guid.TryParseExact(session, "N", out var id)
            || !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || !int.TryParse(page, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var onPage))
        {
            return null;
        }

        MarkStatus? set = status switch
        {
            "P" => MarkStatus.Present,
            "L" => MarkStatus.Late,
            "E" => MarkStatus.Excused,
            "A" => MarkStatus.Absent,
            _ => null,
        };
        return new RollTap(action, id, at, set, onPage);
    }

    public static string Letter(MarkStatus status) => status switch
    {
        MarkStatus.Present => "P",
        MarkStatus.Late => "L",
        MarkStatus.Excused => "E",
        _ => "A",
    };
}

/// <summary>A tap on a roll button: what to do, to which session and student (by roll index), with which status, from which page.</summary>
public sealed record RollTap(char Action, Guid SessionId, int Index, MarkStatus? Status, int Page);
