using Rollcall.Attendance;

namespace Rollcall.Telegram.Texts;

/// <summary>
/// The words for a mark's standing, in one place and through the text table: what /mydata, the report and its CSV call a
/// mark, and what a receipt attests (<see cref="Receipt"/>, signed into the receipt when it is issued).
/// </summary>
public static class MarkWords
{
    /// <summary>A mark as /mydata shows it.</summary>
    public static string Standing(MarkStatus status, bool reviewed, bool byTeacher = false) => byTeacher
        ? BotTexts.Format(TextKey.AttestsSetByTeacher, Word(status))
        : BotTexts.Format(status switch
        {
            MarkStatus.Present => reviewed ? TextKey.StandingPresentReviewed : TextKey.StandingPresent,
            MarkStatus.Late => TextKey.StatusLate,
            MarkStatus.InReview => TextKey.StandingWaitingForReview,
            MarkStatus.Refused or MarkStatus.Absent => TextKey.StandingNotMarked,
            MarkStatus.Excused => TextKey.StatusExcused,
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

    /// <summary>A student's status column in the report's CSV; no mark at all is absent; the teacher's own marks say so.</summary>
    public static string Csv(MarkStatus? status, bool reviewed, bool byTeacher)
    {
        var word = BotTexts.Format(status switch
        {
            MarkStatus.Present when reviewed && !byTeacher => TextKey.CsvPresentReviewed,
            MarkStatus.Present => TextKey.CsvPresent,
            MarkStatus.Late => TextKey.StatusLate,
            MarkStatus.Excused => TextKey.StatusExcused,
            MarkStatus.InReview => TextKey.CsvInReview,
            MarkStatus.Refused when reviewed => TextKey.CsvAbsentRejected,
            _ => TextKey.CsvAbsent,
        });
        return byTeacher ? BotTexts.Format(TextKey.CsvByTeacher, word) : word;
    }

    /// <summary>
    /// The note after a name in the report's lists when a person decided: " (approved in review)", " (marked late by the
    /// teacher: came with the bus)".
    /// </summary>
    public static string ReportNote(MarkStatus? status, bool reviewed, bool byTeacher, string? remark) => (byTeacher, reviewed) switch
    {
        (true, _) when remark is { Length: > 0 } => BotTexts.Format(TextKey.ReportNoteTeacherRemark, Word(status), remark),
        (true, _) => BotTexts.Format(TextKey.ReportNoteTeacher, Word(status)),
        (false, true) => BotTexts.Format(status == MarkStatus.Present ? TextKey.ReportNoteApproved : TextKey.ReportNoteRejected),
        _ => "",
    };

    /// <summary>The plain word of a status a teacher sets: present, late, excused, absent.</summary>
    public static string Word(MarkStatus? status) => BotTexts.Format(status switch
    {
        MarkStatus.Present => TextKey.StatusPresent,
        MarkStatus.Late => TextKey.StatusLate,
        MarkStatus.Excused => TextKey.StatusExcused,
        _ => TextKey.StatusAbsent,
    });

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
        Attestation.Late => BotTexts.Format(TextKey.AttestsLate),
        Attestation.SetByTeacher => BotTexts.Format(TextKey.AttestsSetByTeacher, statement.Outcome),
        Attestation.AttemptsReset => BotTexts.Format(TextKey.AttestsAttemptsReset),
        _ => BotTexts.Format(TextKey.AttestsNotReviewedInTime),
    };
}
