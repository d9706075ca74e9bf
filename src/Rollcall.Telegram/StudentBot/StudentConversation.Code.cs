using Rollcall.Attendance;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Student ID and class code, with the lock-out after too many wrong pairs.</summary>
public sealed partial class StudentConversation
{
    private static StudentTurn OnStudentId(StudentState state, BotInput input) =>
        input is BotInput.Text { Value: var text } && StudentId.IsWellFormed(text)
            ? Say(state with { Step = StudentStep.AwaitOtp, StudentId = StudentId.Normalize(text) }, Reply.Text(TextKey.AskOtp))
            : Say(state, Reply.Text(TextKey.BadStudentId));

    private async Task<StudentTurn> OnOtpAsync(StudentState state, Inbound inbound, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.LockedUntilAsync(inbound.UserId, now, cancellationToken) is { } lockedUntil)
        {
            return Say(state, LockedOut(lockedUntil, now));
        }

        if (inbound.Input is not BotInput.Text { Value: var otp } || !OtpIssuer.IsWellFormed(otp) || state.StudentId is not { } studentId)
        {
            return Say(state, Reply.Text(TextKey.BadOtp));
        }

        var match = await store.FindOpenSessionAsync(otp, studentId, now, cancellationToken);
        if (match is null)
        {
            var failure = await store.RecordFailureAsync(inbound.UserId, otp, studentId, now, _options.OtpLimits, cancellationToken);
            return failure.LockedUntil is { } until
                ? Say(state, LockedOut(until, now))
                : Say(state, Reply.Text(TextKey.OtpNotFound, studentId, failure.TriesLeft));
        }

        await store.ClearFailuresAsync(inbound.UserId, cancellationToken);
        switch (await store.CheckAccountAsync(match.SessionId, studentId, inbound.UserId, now, cancellationToken))
        {
            case AccountCheck.BoundToAnotherAccount:
                return Say(StudentState.Start, Reply.Text(TextKey.BoundToAnotherAccount));
            case AccountCheck.AnotherIdThisSession:
                return Say(StudentState.Start, Reply.Text(TextKey.AnotherIdThisSession));
        }

        if (match.AlreadyPresent)
        {
            return Say(StudentState.Start, Reply.Text(TextKey.AlreadyPresent));
        }

        if (match.SetByTeacher is { } status)
        {
            return Say(StudentState.Start, Reply.Text(TextKey.SetByTeacherStudent, MarkWords.Word(status)));
        }

        if (!_options.Attempts.CanTry(match.AttemptsUsed))
        {
            return Say(StudentState.Start, Reply.Text(TextKey.NoAttemptsLeft));
        }

        var next = state with
        {
            Step = StudentStep.AwaitLocation,
            SessionId = match.SessionId,
            StudentName = match.StudentName,
            CentreLatitude = match.Centre.Latitude,
            CentreLongitude = match.Centre.Longitude,
        };
        return Say(next, Reply.Text(LocationKeyboard(), TextKey.StudentWelcome, match.StudentName, match.Batch));
    }

    private static Reply.Message LockedOut(DateTimeOffset until, DateTimeOffset now) =>
        Reply.Text(TextKey.LockedOut, (int)Math.Ceiling((until - now).TotalSeconds));

    /// <summary>The button sends a pin, which is enough only when live location is not required.</summary>
    private Keyboard LocationKeyboard() =>
        _options.LiveLocationRequired ? new Keyboard.Remove() : new Keyboard.RequestLocation(TextKey.SendLocationButton);
}
