using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;
using Rollcall.Storage.Enrolment;
using Rollcall.Telegram.StudentBot;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Enrolment;

/// <summary>The result of one enrolment step: next state, replies, notices to the teacher, and a request to examine after the commit.</summary>
public sealed record EnrolmentTurn(StudentState State, IReadOnlyList<Reply> Replies, IReadOnlyList<Notice> Notices, Guid? Queued = null);

/// <summary>
/// /enrol in the student bot: the student ID (on a roster, without an ID photo, not another account's), then a video note
/// stored as a request for the worker and answered with "processing" at once.
/// </summary>
public sealed class EnrolmentConversation(IOptions<EnrolmentOptions> options, IOptions<StudentBotOptions> student)
{
    /// <summary>Whether the step is the enrolment's: /enrol, or any input but /start, /cancel and buttons while it waits.</summary>
    public static bool Takes(BotInput input, StudentState state) =>
        input is BotInput.Command { Name: StudentCommands.Enrol }
        || (state.Step is StudentStep.AwaitEnrolId or StudentStep.AwaitEnrolVideo
            && input is not (BotInput.Command { Name: StudentCommands.Start or StudentCommands.Cancel } or BotInput.Callback));

    public async Task<EnrolmentTurn> StepAsync(StudentState state, Inbound inbound, EnrolmentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Input is BotInput.Command { Name: StudentCommands.Enrol })
        {
            return options.Value.SelfEnrolment
                ? Say(StudentState.Start with { Step = StudentStep.AwaitEnrolId }, Reply.Text(new Keyboard.Remove(), TextKey.EnrolAskId))
                : Say(StudentState.Start, Reply.Text(TextKey.EnrolByAdmin));
        }

        return state.Step == StudentStep.AwaitEnrolId
            ? await OnStudentIdAsync(inbound, store, now, cancellationToken)
            : await OnVideoNoteAsync(state, inbound, store, now, cancellationToken);
    }

    private async Task<EnrolmentTurn> OnStudentIdAsync(Inbound inbound, EnrolmentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Input is not BotInput.Text { Value: var text } || !StudentId.IsWellFormed(text.Trim()))
        {
            return Say(StudentState.Start with { Step = StudentStep.AwaitEnrolId }, Reply.Text(TextKey.BadStudentId));
        }

        var studentId = StudentId.Normalize(text);
        var ask = await store.AskAsync(studentId, inbound.UserId, now, cancellationToken);
        if (ask.Admission == EnrolmentAdmission.NotOnRoster)
        {
            return Say(StudentState.Start with { Step = StudentStep.AwaitEnrolId }, EnrolmentMessages.Refusal(ask, studentId));
        }

        if (ask.Admission != EnrolmentAdmission.Open || ask.Place is not { } place)
        {
            return new EnrolmentTurn(StudentState.Start, [EnrolmentMessages.Refusal(ask, studentId)], EnrolmentMessages.Contested(ask, studentId));
        }

        var challenge = student.Value.Pick(RandomNumberGenerator.GetInt32(2));
        var next = StudentState.Start with { Step = StudentStep.AwaitEnrolVideo, StudentId = studentId, StudentName = place.Name, Challenge = challenge };
        return Say(next, Reply.Text(TextKey.EnrolAskVideo, place.Name, place.Batch, Instruction(challenge), EnrolmentMessages.Approver(place.TeacherChatId)));
    }

    private static async Task<EnrolmentTurn> OnVideoNoteAsync(StudentState state, Inbound inbound, EnrolmentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (inbound.Input)
        {
            case BotInput.VideoNote { Forwarded: true }:
                return Say(state, Reply.Text(TextKey.VideoNoteForwarded));
            case BotInput.VideoNote { FileSize: > VideoNoteDownload.MaxBytes }:
                return Say(state, Reply.Text(TextKey.VideoNoteTooBig, VideoNoteDownload.MaxBytes / (1024 * 1024)));
            case BotInput.VideoNote note when state.StudentId is { } studentId:
                var draft = new EnrolmentDraft(studentId, inbound.UserId, inbound.ChatId, note.FileId, note.FileUniqueId, state.Challenge, now);
                return await store.TryRequestAsync(draft, cancellationToken) switch
                {
                    EnrolmentQueueResult.Queued queued => new EnrolmentTurn(StudentState.Start, [Reply.Text(TextKey.Processing)], [], queued.RequestId),
                    EnrolmentQueueResult.Refused refused => new EnrolmentTurn(StudentState.Start, [EnrolmentMessages.Refusal(refused.Ask, studentId)],
                        EnrolmentMessages.Contested(refused.Ask, studentId)),
                    _ => Say(state, Reply.Text(TextKey.VideoNoteReplayed)),
                };
            default:
                return Say(state, Reply.Text(TextKey.PleaseVideoNote));
        }
    }

    private static TextRef Instruction(ChallengeKind challenge) => new(challenge switch
    {
        ChallengeKind.TurnLeft => TextKey.ChallengeTurnLeft,
        ChallengeKind.TurnRight => TextKey.ChallengeTurnRight,
        ChallengeKind.Blink => TextKey.ChallengeBlink,
        _ => TextKey.ChallengeNone,
    });

    private static EnrolmentTurn Say(StudentState state, params Reply[] replies) => new(state, replies, []);
}
