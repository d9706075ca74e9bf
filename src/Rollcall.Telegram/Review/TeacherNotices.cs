using System.Globalization;
using Rollcall.Attendance;
using Rollcall.Faces;
using Rollcall.Storage.CheckIns;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Marks;
using Rollcall.Telegram.Roll;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Review;

/// <summary>
/// What the teacher hears about a check-in: a review to decide, a warning about one face marking two IDs, or (once per
/// student) a notice with the fitting roll buttons when the student is stuck: out of attempts or without an ID photo.
/// </summary>
public static class TeacherNotices
{
    public static IReadOnlyList<Notice> For(VerificationJob job, Verdict verdict, VerificationDecision decision)
    {
        if (decision.ReviewId is { } reviewId)
        {
            var caption = new TextRef(TextKey.ReviewRequest, job.StudentId, decision.StudentName, decision.Subject, Why(verdict, job),
                Similarity(verdict.Check.Similarity), Place(job));
            var buttons = ReviewButtons.For(reviewId);
            Reply reply = verdict.ReviewImage is { } image
                ? new Reply.Photo("review.jpg", image, caption, buttons)
                : new Reply.Message(caption, buttons);
            return [new Notice(BotRole.Teacher, decision.TeacherChatId, reply)];
        }

        if (verdict.Collusion is { } other)
        {
            var warning = Reply.Text(TextKey.LookAlikeWarning, job.StudentId, decision.StudentName, other.StudentId, Similarity(verdict.Check.Similarity), Similarity(other.Similarity));
            return [new Notice(BotRole.Teacher, decision.TeacherChatId, decision.Notice is null ? warning : warning with { Keyboard = RollNotices.Buttons(decision.SessionId, decision.RollIndex, reset: false) })];
        }

        return decision.Notice switch
        {
            NoticeKinds.NoAttemptsLeft => [RollNotices.Notice(decision.TeacherChatId, decision.SessionId, decision.RollIndex, reset: true,
                new TextRef(TextKey.NoticeNoAttempts, job.StudentId, decision.StudentName, decision.Subject, job.Attempt, VerificationMessages.Outcome(verdict.Check)))],
            NoticeKinds.NoPhoto => [RollNotices.Notice(decision.TeacherChatId, decision.SessionId, decision.RollIndex, reset: false,
                new TextRef(TextKey.NoticeNoPhoto, job.StudentId, decision.StudentName, decision.Subject))],
            _ => [],
        };
    }

    private static TextRef Why(Verdict verdict, VerificationJob job) => (verdict.Review, verdict.Check) switch
    {
        (ReviewReason.Similarity, FaceCheck.Mismatch mismatch) => new TextRef(TextKey.ReviewWhySimilarity, mismatch.Threshold),
        (ReviewReason.Liveness, _) => new TextRef(TextKey.ReviewWhyLiveness),
        (ReviewReason.Unchecked, FaceCheck.Unchecked parked) => new TextRef(TextKey.ReviewWhyUnchecked, parked.Tries),
        _ => new TextRef(TextKey.ReviewWhyLocation, job.AccuracyMetres ?? 0),
    };

    private static string Similarity(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static TextRef Place(VerificationJob job) => job.DistanceMetres is { } distance
        ? new TextRef(TextKey.ReviewPlaceImprecise, distance, job.AccuracyMetres ?? 0)
        : new TextRef(TextKey.ReviewPlaceInside);
}
