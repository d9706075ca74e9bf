using System.Globalization;
using Rollcall.Attendance;
using Rollcall.Sessions;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// A page of the roll as a message: each student with their standing, and a row of buttons per student (the name opens
/// the student's card; P, L, E and A set the status in one tap), then the page's navigation.
/// </summary>
public static class RollView
{
    private const string Current = "•";

    public static (TextRef Text, Keyboard.Inline Keyboard) Page(RollPage page, LocalClock clock)
    {
        var card = page.Card;
        var lines = page.Rows.Select(r => $"{r.Index + 1}. {r.StudentId} {MessageLimits.Cut(r.Name, 40)}: {Standing(r, clock)}");
        var text = new TextRef(TextKey.RollPage, string.Join(", ", card.Batches), card.Subject, page.Page + 1, page.Pages,
            SessionMessage.Counts(card.Counts), string.Join('\n', lines));
        List<IReadOnlyList<InlineButton>> rows = [.. page.Rows.Select(r => Line(card.Id, r, page.Page))];
        List<InlineButton> navigation = [];
        if (page.Page > 0)
        {
            navigation.Add(new(BotTexts.Format(TextKey.RollPrevious), RollButtons.Roll(card.Id, page.Page - 1)));
        }

        navigation.Add(new(BotTexts.Format(TextKey.RollRefresh), RollButtons.Roll(card.Id, page.Page)));
        if (page.Page < page.Pages - 1)
        {
            navigation.Add(new(BotTexts.Format(TextKey.RollNext), RollButtons.Roll(card.Id, page.Page + 1)));
        }

        rows.Add(navigation);
        rows.Add([new(BotTexts.Format(TextKey.RecentreButton), RollButtons.Recentre(card.Id))]);
        return (text, Keyboard.Inline.Grid(rows));
    }

    /// <summary>One student's card: the standing in full, and every action the teacher has for them.</summary>
    public static (TextRef Text, Keyboard.Inline Keyboard) Student(Guid sessionId, RollRow row, int page, LocalClock clock)
    {
        var bound = new TextRef(row.Bound ? TextKey.RollStudentBound : TextKey.RollStudentNotBound);
        var text = new TextRef(TextKey.RollStudent, row.StudentId, row.Name, row.Batch, Standing(row, clock), row.AttemptsUsed, bound);
        List<IReadOnlyList<InlineButton>> rows = [Statuses(sessionId, row, page, onCard: true)];
        rows.Add([new(BotTexts.Format(TextKey.RemarkButton), RollButtons.Remark(sessionId, row.Index))]);
        List<InlineButton> more = [];
        if (row.Status is not (MarkStatus.Present or MarkStatus.Late or MarkStatus.InReview))
        {
            more.Add(new(BotTexts.Format(TextKey.ResetAttemptsButton), RollButtons.Reset(sessionId, row.Index, page)));
        }

        if (row.Bound)
        {
            more.Add(new(BotTexts.Format(TextKey.UnbindButton), RollButtons.Unbind(sessionId, row.Index, page)));
        }

        rows.Add(more);
        rows.Add([new(BotTexts.Format(TextKey.RollBack), RollButtons.Roll(sessionId, Math.Max(0, page)))]);
        return (text, Keyboard.Inline.Grid(rows));
    }

    /// <summary>A student's standing in the roll: "present (face 91.5, 14:31)", "marked late by you: bus", "not yet".</summary>
    public static string Standing(RollRow row, LocalClock clock)
    {
        var at = row.DecidedAt is { } decided ? clock.Local(decided).ToString("HH:mm", CultureInfo.InvariantCulture) : "";
        var standing = (row.Status, row.SetByTeacher) switch
        {
            (null, _) => BotTexts.Format(TextKey.RollNotYet),
            ({ } status, true) => BotTexts.Format(TextKey.RollByYou, MarkWords.Word(status)),
            (MarkStatus.Pending, _) => BotTexts.Format(TextKey.RollCheckingIn, row.AttemptsUsed),
            (MarkStatus.Present or MarkStatus.Late, _) when row.Similarity is { } similarity =>
                BotTexts.Format(TextKey.RollVerified, MarkWords.Word(row.Status), similarity, at),
            (MarkStatus.Refused, _) => BotTexts.Format(TextKey.RollRefused, row.Reason ?? ""),
            ({ } status, _) => MarkWords.Standing(status, reviewed: false),
        };
        return row.Remark is { Length: > 0 } remark ? standing + BotTexts.Format(TextKey.RollRemark, MessageLimits.Cut(remark, 60)) : standing;
    }

    private static List<InlineButton> Line(Guid sessionId, RollRow row, int page) => Statuses(sessionId, row, page, onCard: false);

    private static List<InlineButton> Statuses(Guid sessionId, RollRow row, int page, bool onCard)
    {
        List<InlineButton> buttons = onCard
            ? []
            : [new($"{row.Index + 1} {MessageLimits.Cut(row.Name, 16)}", RollButtons.Student(sessionId, row.Index, page))];
        foreach (var status in MarkDecision.TeacherStatuses)
        {
            var mark = row.Status == status && (row.SetByTeacher || status is MarkStatus.Present or MarkStatus.Late) ? Current : "";
            buttons.Add(new(mark + BotTexts.Format(onCard ? Long(status) : Short(status)), RollButtons.Set(sessionId, row.Index, status, page, onCard)));
        }

        return buttons;
    }

    private static TextKey Short(MarkStatus status) => status switch
    {
        MarkStatus.Present => TextKey.RollP,
        MarkStatus.Late => TextKey.RollL,
        MarkStatus.Excused => TextKey.RollE,
        _ => TextKey.RollA,
    };

    private static TextKey Long(MarkStatus status) => status switch
    {
        MarkStatus.Present => TextKey.PresentButton,
        MarkStatus.Late => TextKey.LateButton,
        MarkStatus.Excused => TextKey.ExcusedButton,
        _ => TextKey.AbsentButton,
    };
}
