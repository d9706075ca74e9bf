using System.Globalization;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Storage.Enrolment;
using Rollcall.Storage.Entities;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Enrolment;

/// <summary>What the student and the approving teacher hear at each step of a self-enrolment.</summary>
public static class EnrolmentMessages
{
    /// <summary>The student's answer when they may not enrol the ID now.</summary>
    public static Reply.Message Refusal(EnrolmentAsk ask, string studentId) => ask.Admission switch
    {
        EnrolmentAdmission.NotOnRoster => Reply.Text(TextKey.EnrolNotOnRoster, studentId),
        EnrolmentAdmission.HasPhoto => Reply.Text(TextKey.EnrolHasPhoto, studentId),
        EnrolmentAdmission.BoundToAnotherAccount => Reply.Text(TextKey.EnrolBoundToAnother, studentId),
        EnrolmentAdmission.AccountHasAnotherId => Reply.Text(TextKey.EnrolAccountHasAnotherId, studentId),
        EnrolmentAdmission.AlreadyRequested => Reply.Text(TextKey.EnrolAlreadyRequested, ask.WaitingFor ?? studentId),
        EnrolmentAdmission.RequestedByAnother => Reply.Text(TextKey.EnrolRequestedByAnother, studentId, Approver(ask.Place?.TeacherChatId)),
        _ => Reply.Text(TextKey.EnrolTooMany, EnrolmentRules.RequestsPerDay),
    };

    /// <summary>The warning to the approving teacher that a second account asked for an ID whose request waits for them.</summary>
    public static IReadOnlyList<Notice> Contested(EnrolmentAsk ask, string studentId) =>
        ask is { WarnTeacherChat: { } chat, Place: { } place }
            ? [new Notice(BotRole.Teacher, chat, Reply.Text(TextKey.EnrolContestedWarning, studentId, place.Name))]
            : [];

    /// <summary>Who approves: the teacher, or the school's admin when the student has no teacher yet.</summary>
    public static TextRef Approver(long? teacherChatId) => new(teacherChatId is null ? TextKey.EnrolApproverAdmin : TextKey.EnrolApproverTeacher);

    /// <summary>The machine's verdict: the student's message, and the teacher's card or warning.</summary>
    public static IReadOnlyList<Notice> ForVerdict(EnrolmentRequest request, EnrolmentVerdict verdict, byte[]? photo, byte[]? evidence)
    {
        var student = verdict switch
        {
            EnrolmentVerdict.ToApprove => Reply.Text(TextKey.EnrolSent, request.StudentId),
            EnrolmentVerdict.FaceOfAnother => Reply.Text(TextKey.EnrolFaceOfAnother, request.StudentId, Approver(request.TeacherChatId)),
            EnrolmentVerdict.Unusable unusable => Reply.Text(TextKey.EnrolUnusable, Why(unusable.Why)),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
        };
        List<Notice> notices = [new Notice(BotRole.Student, request.ChatId, student)];
        if (request.TeacherChatId is not { } teacher)
        {
            return notices;
        }

        if (verdict is EnrolmentVerdict.ToApprove && photo is not null)
        {
            var caption = new TextRef(TextKey.EnrolCard, request.StudentId, request.StudentName, request.Batch);
            notices.Add(new Notice(BotRole.Teacher, teacher, new Reply.Photo("enrolment.jpg", photo, caption, EnrolmentButtons.For(request.Id))));
        }
        else if (verdict is EnrolmentVerdict.FaceOfAnother other)
        {
            var similarity = other.Owner.Similarity.ToString("0.0", CultureInfo.InvariantCulture);
            var warning = new TextRef(TextKey.EnrolFaceOfAnotherWarning, request.StudentId, request.StudentName, other.Owner.StudentId, similarity);
            notices.Add(new Notice(BotRole.Teacher, teacher, evidence is null ? new Reply.Message(warning) : new Reply.Photo("enrolment.jpg", evidence, warning)));
        }

        return notices;
    }

    /// <summary>A person's decision, told to the student.</summary>
    public static Reply.Message ForStudent(EnrolmentOutcome outcome) => outcome switch
    {
        EnrolmentOutcome.Decided { Approved: true } d => Reply.Text(TextKey.EnrolApprovedStudent, d.StudentId),
        EnrolmentOutcome.Decided d => Reply.Text(TextKey.EnrolRejectedStudent, d.StudentId),
        EnrolmentOutcome.HasPhoto h => Reply.Text(TextKey.EnrolSupersededStudent, h.StudentId),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>A decision taken from the command line, told by the worker: the same words as the teacher's.</summary>
    public static Reply.Message ForStudent(EnrolmentRequest request) => request.State == EnrolmentState.Enrolled
        ? Reply.Text(TextKey.EnrolApprovedStudent, request.StudentId)
        : request.Outcome == EnrolmentDecisions.Superseded
            ? Reply.Text(TextKey.EnrolSupersededStudent, request.StudentId)
            : Reply.Text(TextKey.EnrolRejectedStudent, request.StudentId);

    private static TextRef Why(FaceCheck check) => new(check switch
    {
        FaceCheck.NoFace => TextKey.EnrolWhyNoFace,
        FaceCheck.SeveralFaces => TextKey.EnrolWhySeveralFaces,
        FaceCheck.FaceTooSmall => TextKey.EnrolWhyTooSmall,
        FaceCheck.NotLive => TextKey.EnrolWhyNotLive,
        FaceCheck.ChallengeFailed => TextKey.EnrolWhyChallenge,
        FaceCheck.BadPhoto => TextKey.EnrolWhyNoFace,
        _ => TextKey.EnrolWhyBadVideo,
    });
}
