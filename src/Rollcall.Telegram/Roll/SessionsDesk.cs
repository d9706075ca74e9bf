using Rollcall.Sessions;
using Rollcall.Storage.Roll;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// /sessions and /report: today's sessions of the chat with their codes and states, each with a button that shows its
/// session message again (a lost "Session open" loses nothing); the latest report sent again, or one picked from today's.
/// </summary>
public sealed class SessionsDesk(RollStore roll, RollDesk desk, LocalClock clock)
{
    public async Task<IReadOnlyList<Reply>> SessionsAsync(Inbound inbound, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(inbound.ChatId, now, cancellationToken);
        if (today.Count == 0)
        {
            return [Reply.Text(TextKey.NoSessionsToday)];
        }

        var lines = today.Select((card, i) => BotTexts.Format(TextKey.SessionsLine, i + 1, clock.Local(card.OpenedAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(", ", card.Batches), card.Subject, card.Otp, State(card, now), card.Counts.Present, card.Students));
        var buttons = today.Select((card, i) => new InlineButton(BotTexts.Format(TextKey.ShowSessionButton, i + 1, string.Join(", ", card.Batches)), RollButtons.Show(card.Id)));
        return [Reply.Text(new Keyboard.Inline([.. buttons.Take(MessageLimits.InlineButtons)]), TextKey.SessionsToday, MessageLimits.Cut(string.Join('\n', lines), 3800))];
    }

    public async Task<IReadOnlyList<Reply>> ReportAsync(Inbound inbound, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(inbound.ChatId, now, cancellationToken);
        if (today.Count == 0)
        {
            return [Reply.Text(TextKey.NoSessionsToday)];
        }

        var latest = today[^1];
        var report = await desk.ReportRepliesAsync(latest.Id, inbound.ChatId, cancellationToken) ?? [];
        if (today.Count == 1)
        {
            return report;
        }

        var others = today.Take(today.Count - 1).Reverse().Take(MessageLimits.InlineButtons)
            .Select(card => new InlineButton(BotTexts.Format(TextKey.ReportOfButton, clock.Local(card.OpenedAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                MessageLimits.Cut(string.Join(", ", card.Batches), 30), MessageLimits.Cut(card.Subject, 20)), RollButtons.Report(card.Id)));
        return [.. report, Reply.Text(new Keyboard.Inline([.. others]), TextKey.ReportPickAnother)];
    }

    private Task<IReadOnlyList<SessionCard>> TodayAsync(long chat, DateTimeOffset now, CancellationToken cancellationToken) =>
        roll.SinceAsync(chat, clock.StartOf(clock.DateOf(now)), cancellationToken);

    private TextRef State(SessionCard card, DateTimeOffset now) => card.PhaseAt(now) switch
    {
        SessionPhase.Open => new TextRef(TextKey.StateOpen, clock.Time(card.Window.CodeClosesAt)),
        SessionPhase.Finishing => new TextRef(TextKey.StateFinishing, clock.Time(card.Window.GraceEndsAt)),
        SessionPhase.Closed => new TextRef(TextKey.StateClosed),
        _ => new TextRef(TextKey.StateReported, clock.Time(card.ReportSentAt!.Value)),
    };
}
