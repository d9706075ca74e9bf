using Rollcall.Faces;
using Rollcall.Geofence;
using Rollcall.Ports;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>The live location inside the geofence, then the video note queued for verification.</summary>
public sealed partial class StudentConversation
{
    private async Task<StudentTurn> OnLocationAsync(StudentState state, BotInput input, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (input is not BotInput.Location location)
        {
            return Say(state, Reply.Text(TextKey.LocationNotLive));
        }

        if (location.Forwarded)
        {
            return Say(state, Reply.Text(TextKey.LocationForwarded));
        }

        // The session's centre as it is now (the teacher may have re-centred it), and only while check-ins are open.
        if (state.SessionId is not { } sessionId || await store.CheckInCentreAsync(sessionId, now, cancellationToken) is not { } centre)
        {
            return Say(StudentState.Start, Reply.Text(TextKey.SessionClosed));
        }

        return GeofenceCheck.Evaluate(centre, location.Point, _options.DistanceLimitMetres, _options.LiveLocationRequired) switch
        {
            GeofenceCheck.Inside => AskVideoNote(state with { ImpreciseDistance = null, ImpreciseAccuracy = null }),
            GeofenceCheck.Imprecise { Reviewable: true, Accuracy: { } coarse } imprecise when _options.ReviewBand > 0 => AskVideoNote(
                state with { ImpreciseDistance = imprecise.Distance, ImpreciseAccuracy = coarse },
                Reply.Text(TextKey.LocationToReview, coarse)),
            GeofenceCheck.TooFar far => Say(state, Reply.Text(TextKey.TooFar, far.Distance, far.Limit)),
            GeofenceCheck.Imprecise { Accuracy: { } accuracy } imprecise => Say(state, Reply.Text(TextKey.LocationImprecise, accuracy, imprecise.Limit)),
            GeofenceCheck.Imprecise => Say(state, Reply.Text(TextKey.LocationNoAccuracy)),
            _ => Say(state, Reply.Text(TextKey.LocationNotLive)),
        };
    }

    /// <summary>
    /// A live location's later fix (H2): while the student is asked for the location, one inside moves the check-in on;
    /// while the video note is awaited it must stay inside, or the check-in goes back to the location step, said once.
    /// Every other fix is silent: a live location sends one every few seconds. After the video note, the first fix outside
    /// the area while the window is open is kept on the mark for the teacher's report.
    /// </summary>
    private async Task<StudentTurn> OnLaterFixAsync(StudentState state, long userId, BotInput.Location fix, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.NoteLaterFixAsync(userId, fix.Point, _options.DistanceLimitMetres, now, cancellationToken);
        switch (state.Step)
        {
            case StudentStep.AwaitLocation:
                var moved = await OnLocationAsync(state, fix, store, now, cancellationToken);
                return moved.State.Step == StudentStep.AwaitVideoNote ? moved : Say(state);
            case StudentStep.AwaitVideoNote:
                var again = await OnLocationAsync(state with { Step = StudentStep.AwaitLocation }, fix, store, now, cancellationToken);
                return again.State.Step == StudentStep.AwaitVideoNote
                    ? Say(state with { ImpreciseDistance = again.State.ImpreciseDistance, ImpreciseAccuracy = again.State.ImpreciseAccuracy })
                    : again;
            default:
                return Say(state);
        }
    }

    private StudentTurn AskVideoNote(StudentState state, Reply? before = null)
    {
        var challenge = PickChallenge(Challenge.None);
        var next = state with { Step = StudentStep.AwaitVideoNote, Challenge = challenge };
        var ask = Reply.Text(new Keyboard.Remove(), TextKey.AskVideoNote, ChallengeWords.Ask(challenge));
        return before is null ? Say(next, ask) : Say(next, before, ask);
    }

    private async Task<StudentTurn> OnVideoNoteAsync(StudentState state, Inbound inbound, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (inbound.Input)
        {
            case BotInput.VideoNote { Forwarded: true }:
                return Say(state, Reply.Text(TextKey.VideoNoteForwarded));
            case BotInput.VideoNote { FileSize: > VideoNoteDownload.MaxBytes }:
                return Say(state, Reply.Text(TextKey.VideoNoteTooBig, VideoNoteDownload.MaxBytes / (1024 * 1024), new TextRef(TextKey.ChallengeNone)));
            case BotInput.VideoNote note when state is { SessionId: { } sessionId, StudentId: { } studentId }:
                // Should this attempt fail, the next asks for something new; its answer tells the student what.
                var nextChallenge = PickChallenge(state.Challenge);
                var request = new VerificationRequest(sessionId, studentId, inbound.ChatId, inbound.UserId, note.FileId, note.FileUniqueId, now, state.Challenge)
                {
                    ImpreciseDistance = state.ImpreciseDistance,
                    ImpreciseAccuracy = state.ImpreciseAccuracy,
                    NextChallenge = nextChallenge,
                };
                return await store.TryQueueVerificationAsync(request, _options.Attempts, cancellationToken) switch
                {
                    QueueResult.Queued queued => new StudentTurn(state with { Challenge = nextChallenge }, [Reply.Text(TextKey.Processing)], [queued.JobId]),
                    QueueResult.AlreadyQueued => Say(state, Reply.Text(TextKey.StillProcessing)),
                    QueueResult.Replayed => Say(state, Reply.Text(TextKey.VideoNoteReplayed)),
                    QueueResult.AlreadyPresent => Say(StudentState.Start, Reply.Text(TextKey.AlreadyPresent)),
                    QueueResult.InReview => Say(StudentState.Start, Reply.Text(TextKey.StillInReview)),
                    QueueResult.SetByTeacher set => Say(StudentState.Start, Reply.Text(TextKey.SetByTeacherStudent, MarkWords.Word(set.Status))),
                    QueueResult.NoAttemptsLeft => Say(StudentState.Start, Reply.Text(TextKey.NoAttemptsLeft)),
                    _ => Say(StudentState.Start, Reply.Text(TextKey.SessionClosed)),
                };
            default:
                return Say(state, Reply.Text(TextKey.PleaseVideoNote));
        }
    }
}
