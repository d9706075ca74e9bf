using System.Security.Cryptography;
using System.Text;
using Rollcall.Sessions;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// The teacher's session message: a QR picture of the deep link for a projector, and a caption with the code, the window
/// in local time and the live roll's counts; buttons Roll, Report, +2 min and Close now. The live roll edits it in place.
/// </summary>
public static class SessionMessage
{
    public const string QrFileName = "class-code.png";

    public static Reply.Photo Photo(SessionCard card, string? link, DateTimeOffset now, LocalClock clock) =>
        new(QrFileName, SessionQr.Png(link ?? card.Otp), Caption(card, link, now, clock), Buttons(card, now));

    public static TextRef Caption(SessionCard card, string? link, DateTimeOffset now, LocalClock clock)
    {
        var window = card.Window;
        var phase = card.PhaseAt(now) switch
        {
            SessionPhase.Open => new TextRef(TextKey.SessionPhaseOpen, clock.Time(window.CodeClosesAt), clock.Time(window.GraceEndsAt)),
            SessionPhase.Finishing => new TextRef(TextKey.SessionPhaseFinishing, clock.Time(window.CodeClosesAt), clock.Time(window.GraceEndsAt)),
            SessionPhase.Closed => new TextRef(TextKey.SessionPhaseClosed, clock.Time(window.GraceEndsAt)),
            _ => new TextRef(TextKey.SessionPhaseReported, clock.Time(card.ReportSentAt!.Value)),
        };
        object linkLine = link is not null && card.PhaseAt(now) == SessionPhase.Open ? new TextRef(TextKey.SessionLink, link.Replace("https://", "", StringComparison.Ordinal)) : "";
        var batches = MessageLimits.Cut(string.Join(", ", card.Batches), 300);
        var accuracy = card.CentreAccuracy is { } metres ? new TextRef(TextKey.SessionCentreAccuracy, metres) : (object)"";
        return new TextRef(TextKey.SessionCard, card.Otp, batches, MessageLimits.Cut(card.Subject, 100), card.Students, phase, linkLine, Counts(card.Counts), accuracy);
    }

    public static Keyboard.Inline Buttons(SessionCard card, DateTimeOffset now)
    {
        List<IReadOnlyList<InlineButton>> rows =
        [
            [new(BotTexts.Format(TextKey.RollButton), RollButtons.Open(card.Id)), new(BotTexts.Format(TextKey.ReportButton), RollButtons.Report(card.Id))],
        ];
        if (card.PhaseAt(now) is not SessionPhase.Reported)
        {
            List<InlineButton> window = [new(BotTexts.Format(TextKey.ExtendButton), RollButtons.Extend(card.Id))];
            if (card.PhaseAt(now) is SessionPhase.Open or SessionPhase.Finishing)
            {
                window.Add(new(BotTexts.Format(TextKey.CloseNowButton), RollButtons.Close(card.Id)));
            }

            rows.Add(window);
        }

        return Keyboard.Inline.Grid(rows);
    }

    /// <summary>What a message shows, for the live roll to edit only a change: the code (a new one needs a new QR) and a digest.</summary>
    public static string Shown(string otp, TextRef caption, Keyboard.Inline buttons)
    {
        var text = BotTexts.Format(caption) + "|" + string.Join(",", buttons.Buttons.Select(b => b.Data));
        return otp + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    /// <summary>Whether a message showing <paramref name="shown"/> already has this code's QR.</summary>
    public static bool ShowsCode(string? shown, string otp) => shown?.StartsWith(otp + ":", StringComparison.Ordinal) == true;

    public static TextRef Counts(RollCounts counts)
    {
        object excused = counts.Excused > 0 ? new TextRef(TextKey.RollCountsExcused, counts.Excused) : "";
        object checking = counts.CheckingIn > 0 ? new TextRef(TextKey.RollCountsCheckingIn, counts.CheckingIn) : "";
        return new TextRef(TextKey.RollCounts, counts.Present, counts.InReview, counts.Refused, counts.NotYet, excused, checking);
    }
}
