using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Storage.Teachers;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;
using Rollcall.Term;

namespace Rollcall.Telegram.Term;

/// <summary>
/// /history: the teacher picks a batch and subject they taught this term and gets its figures (lowest first, the threshold
/// marked), the chart and the xlsx. Works in any state and leaves the conversation alone. Only the signed-in teacher's
/// own classes are offered, and a tap is checked again, so a forged button shows nothing.
/// </summary>
public sealed class HistoryDesk(TeacherStore teachers, ITermRecords records, IOptions<TermOptions> term, LocalClock clock, TimeProvider time)
{
    public const string Prefix = "hi:";

    /// <summary>A message's text stops growing here, below Telegram's 4096; the file has everyone.</summary>
    private const int TextBudget = 3600;

    public async Task<IReadOnlyList<Reply>> ListAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        if (await teachers.FindByTelegramUserAsync(inbound.UserId, cancellationToken) is not { } teacher)
        {
            return [Reply.Text(TextKey.HistorySignIn)];
        }

        var classes = await records.ClassesAsync(Span(), teacher.Id, cancellationToken);
        if (classes.Count == 0)
        {
            return [Reply.Text(TextKey.HistoryNone)];
        }

        var buttons = classes.Select(c => new InlineButton($"{c.Batch} · {c.Subject} ({c.Sessions})", Prefix + Key(c.Batch, c.Subject)));
        return [Reply.Text(new Keyboard.Inline([.. buttons]), TextKey.HistoryPick)];
    }

    public async Task<IReadOnlyList<Reply>> ShowAsync(Inbound inbound, BotInput.Callback callback, CancellationToken cancellationToken)
    {
        List<Reply> replies = [new Reply.AnswerCallback(callback.CallbackId)];
        if (await teachers.FindByTelegramUserAsync(inbound.UserId, cancellationToken) is not { } teacher)
        {
            return [.. replies, Reply.Text(TextKey.HistorySignIn)];
        }

        var span = Span();
        var picked = (await records.ClassesAsync(span, teacher.Id, cancellationToken))
            .FirstOrDefault(c => Prefix + Key(c.Batch, c.Subject) == callback.Data);
        if (picked is null)
        {
            return [.. replies, Reply.Text(TextKey.HistoryGone)];
        }

        var sheet = await records.SheetAsync(picked.Batch, picked.Subject, span, cancellationToken);
        var rule = term.Value.Rule;
        var threshold = TermWords.Threshold(rule);
        return
        [
            .. replies,
            Reply.Text(TextKey.HistoryBody, sheet.Batch, sheet.Subject, sheet.Sessions.Count, sheet.Sessions[0].Date, sheet.Sessions[^1].Date,
                TermWords.Counting(rule), threshold, sheet.Below(rule).Count, sheet.Students.Count, Lines(sheet, rule)),
            new Reply.Photo("attendance-term.png", TermChart.Png(sheet, rule), new TextRef(TextKey.HistoryChartCaption, threshold)),
            new Reply.Document(TermExport.FileName(sheet, "xlsx"), TermExport.Xlsx([sheet], rule, clock),
                new TextRef(TextKey.HistoryFileCaption, sheet.Batch, sheet.Subject)),
        ];
    }

    /// <summary>Button data for a class: a short hash, as batch and subject names could pass the 64 bytes Telegram allows.</summary>
    public static string Key(string batch, string subject) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(batch + "\n" + subject)).AsSpan(0, 8));

    private DateSpan Span() => term.Value.SoFar(clock.DateOf(time.GetUtcNow()));

    /// <summary>Every student lowest first, a line at the threshold, within the message's budget.</summary>
    private static string Lines(TermSheet sheet, Attendance.AttendanceRule rule)
    {
        var ranked = sheet.Standings(rule).OrderBy(s => s.Figures.Percent ?? double.MaxValue).ThenBy(s => s.Student.StudentId, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        var shown = 0;
        var marked = false;
        foreach (var s in ranked)
        {
            var line = BotTexts.Format(TextKey.HistoryLine, s.Student.StudentId, TermWords.Short(s.Student.Name), s.Figures.Attended, s.Figures.Held, TermWords.Percent(s.Figures));
            if (!marked && !s.Below)
            {
                line = BotTexts.Format(TextKey.HistoryThreshold, TermWords.Threshold(rule)) + "\n" + line;
                marked = true;
            }

            if (text.Length + line.Length > TextBudget)
            {
                break;
            }

            text.Append(line).Append('\n');
            shown++;
        }

        return shown < ranked.Count ? text + BotTexts.Format(TextKey.HistoryMore, ranked.Count - shown) : text.ToString().TrimEnd('\n');
    }
}
