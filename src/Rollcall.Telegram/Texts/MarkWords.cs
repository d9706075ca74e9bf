using Rollcall.Attendance;

namespace Rollcall.Telegram.Texts;

/// <summary>
/// The words for a mark's standing, in one place and through the text table: what /mydata, the report and its CSV call a
/// mark, and what a receipt attests (<see cref="Receipt"/>, signed into the receipt when it is issued).
/// </summary>
public static class MarkWords
{
    /// <summary>A mark as /mydata shows it.</summary>
    public static string Standing(MarkStatus status, bool reviewed) => BotTexts.Format(status switch
    {
        MarkStatus.Present => reviewed ? TextKey.StandingPresentReviewed : TextKey.StandingPresent,
        MarkStatus.InReview => TextKey.StandingWaitingForReview,
        MarkStatus.Refused => TextKey.StandingNotMarked,
        _ => TextKey.StandingChecking,
    });

    /// <summary>A session in a student's /attendance; no mark at all, refused and pending are absent.</summary>
    public static string Term(MarkStatus? status) => BotTexts.Format(status switch
    {
        MarkStatus.Present => TextKey.TermPresent,
        MarkStatus.Late => TextKey.TermLate,
        MarkStatus.Excused => TextKey.TermExcused,
        MarkStatus.InReview => TextKey.TermInReview,
        _ => TextKey.TermAbsent,
    });

    /// <summary>A student's status column in the report's CSV; no mark at all is absent.</summary>
    public static string Csv(MarkStatus? status, bool reviewed) => BotTexts.Format(status switch
    {
        MarkStatus.Present => reviewed ? TextKey.CsvPresentReviewed : TextKey.CsvPresent,
        MarkStatus.InReview => TextKey.CsvInReview,
        MarkStatus.Refused when reviewed => TextKey.CsvAbsentRejected,
        _ => TextKey.CsvAbsent,
    });

    /// <summary>The note after a name in the report's lists when a person decided: " (approved in review)".</summary>
    public static string ReportNote(bool present, bool reviewed) => reviewed
        ? BotTexts.Format(present ? TextKey.ReportNoteApproved : TextKey.ReportNoteRejected)
        : "";

    /// <summary>What a receipt attests: "present", "attempt 1 failed (Mismatch)", "refused (rejected by teacher)".</summary>
    public static string Receipt(ReceiptStatement statement) => statement.Attests switch
    {
        Attestation.Present => BotTexts.Format(TextKey.AttestsPresent),
        Attestation.SentToReview => BotTexts.Format(TextKey.AttestsSentToReview),
        Attestation.RefusedLookAlike => BotTexts.Format(TextKey.AttestsRefusedLookAlike),
        Attestation.Refused => BotTexts.Format(TextKey.AttestsRefused, statement.Outcome),
        Attestation.AttemptFailed => BotTexts.Format(TextKey.AttestsAttemptFailed, statement.Attempt, statement.Outcome),
        Attestation.ApprovedByTeacher => BotTexts.Format(TextKey.AttestsApprovedByTeacher),
        Attestation.RejectedByTeacher => BotTexts.Format(TextKey.AttestsRejectedByTeacher),
        _ => BotTexts.Format(TextKey.AttestsNotReviewedInTime),
    };
}
