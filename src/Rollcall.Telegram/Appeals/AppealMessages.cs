using System.Globalization;
using Rollcall.Appeals;
using Rollcall.Sessions;
using Rollcall.Storage.Appeals;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Appeals;

/// <summary>What the student and the session's teacher hear about an appeal.</summary>
public static class AppealMessages
{
    /// <summary>The student's answer when the appeal is not taken.</summary>
    public static Reply.Message Refusal(AppealAdmission why, int hours) => why switch
    {
        AppealAdmission.NotRefused => Reply.Text(TextKey.AppealNotRefused),
        AppealAdmission.TooLate => Reply.Text(TextKey.AppealTooLate, hours),
        AppealAdmission.AlreadyOpen => Reply.Text(TextKey.AppealAlreadyOpen),
        AppealAdmission.AlreadyDecided => Reply.Text(TextKey.AppealAlreadyDecided),
        _ => Reply.Text(TextKey.AppealUnknownReceipt),
    };

    /// <summary>The teacher's card: the evidence the decision was made on, the pictures while kept, and the buttons.</summary>
    public static Notice ForTeacher(Guid appealId, AppealEvidence e, LocalClock clock)
    {
        var caption = new TextRef(TextKey.AppealCard, e.StudentId, e.StudentName, e.Subject, e.Date, e.Decision, e.Reason ?? "-",
            e.Similarity?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-", Place(e), e.DecidedAt is { } at ? clock.DayTime(at) : "-",
            new TextRef(e.Image is null ? TextKey.AppealNoMedia : TextKey.AppealPictures));
        var buttons = AppealButtons.For(appealId);
        Reply reply = e.Image is { } image ? new Reply.Photo("appeal.jpg", image, caption, buttons) : new Reply.Message(caption, buttons);
        return new Notice(BotRole.Teacher, e.TeacherChatId, reply);
    }

    /// <summary>The teacher's decision, told to the student; an approval carries the new receipt.</summary>
    public static Notice ForStudent(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Approved a => new Notice(BotRole.Student, a.StudentChatId,
            VerificationMessages.WithReceipt(Reply.Text(TextKey.AppealApprovedStudent, a.Subject), a.Receipt)),
        AppealOutcome.Rejected r => new Notice(BotRole.Student, r.StudentChatId, Reply.Text(TextKey.AppealRejectedStudent, r.Subject)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static object Place(AppealEvidence e) => e.DistanceMetres is { } distance
        ? new TextRef(TextKey.ReviewPlaceImprecise, distance, e.AccuracyMetres ?? 0)
        : "-";
}
