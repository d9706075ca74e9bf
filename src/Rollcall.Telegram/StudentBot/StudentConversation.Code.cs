using Rollcall.Attendance;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Telegram.Roll;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// Student ID and class code, with the lock-out after too many wrong pairs. A deep link (/start CODE) proves the code
/// before the ID is typed, so a rotating code stays valid while the student types.
/// </summary>
public sealed partial class StudentConversation
{
    private static async Task<StudentTurn> StartAsync(BotInput.Command start, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ask = StudentState.Start with { Step = StudentStep.AwaitStudentId };
        var code = OtpIssuer.Normalize(start.Argument);
        if (code is null)
        {
            return Say(ask, Reply.Text(new Keyboard.Remove(), TextKey.AskStudentId));
        }

        return await store.FindSessionByCodeAsync(code, now, cancellationToken) is { } sessionId
            ? Say(ask with { SessionId = sessionId, LinkedCode = code }, Reply.Text(new Keyboard.Remove(), TextKey.LinkAccepted))
            : Say(ask, Reply.Text(new Keyboard.Remove(), TextKey.LinkExpired));
    }

    private async Task<StudentTurn> OnStudentIdAsync(StudentState state, Inbound inbound, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (inbound.Input is not BotInput.Text { Value: var text } || !StudentId.IsWellFormed(text))
        {
            return Say(state, Reply.Text(TextKey.BadStudentId));
        }

        var studentId = StudentId.Normalize(text);
        if (state is not { SessionId: { } linked, LinkedCode: { } code })
        {
            return Say(state with { Step = StudentStep.AwaitOtp, StudentId = studentId }, Reply.Text(TextKey.AskOtp));
        }

        if (await store.LockedUntilAsync(inbound.UserId, now, cancellationToken) is { } lockedUntil)
        {
            return Say(state, LockedOut(lockedUntil, now));
        }

        if (await store.FindSessionStudentAsync(linked, studentId, now, cancellationToken) is { } match)
        {
            return await AcceptAsync(state with { StudentId = studentId }, inbound, match, store, now, cancellationToken);
        }

        var failure = await store.RecordFailureAsync(inbound.UserId, code, studentId, now, _options.OtpLimits, cancellationToken);
        return failure.LockedUntil is { } until
            ? Say(state, LockedOut(until, now))
            : Say(state, Reply.Text(TextKey.NotOnLinkedRoster, studentId, failure.TriesLeft));
    }

    private async Task<StudentTurn> OnOtpAsync(StudentState state, Inbound inbound, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.LockedUntilAsync(inbound.UserId, now, cancellationToken) is { } lockedUntil)
        {
            return Say(state, LockedOut(lockedUntil, now));
        }

        if (inbound.Input is not BotInput.Text { Value: var typed } || OtpIssuer.Normalize(typed) is not { } otp || state.StudentId is not { } studentId)
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

        return await AcceptAsync(state, inbound, match, store, now, cancellationToken);
    }

    /// <summary>The code is right for this ID: the account binding, the standing so far, then the location step.</summary>
    private async Task<StudentTurn> AcceptAsync(StudentState state, Inbound inbound, SessionMatch match, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var studentId = state.StudentId!;
        await store.ClearFailuresAsync(inbound.UserId, cancellationToken);
        var account = await store.CheckAccountAsync(match.SessionId, studentId, inbound.UserId, now, cancellationToken);
        if (account is not AccountCheck.Allowed)
        {
            // The teacher hears of it once, with the buttons that put it right; the student is told so.
            var bound = account == AccountCheck.BoundToAnotherAccount;
            var notice = await store.NoteRefusalAsync(match.SessionId, studentId, account, inbound.ChatId, now, cancellationToken);
            IReadOnlyList<Notice> notices = notice is null
                ? []
                : [RollNotices.Notice(notice.TeacherChatId, match.SessionId, notice.RollIndex, reset: false,
                    new TextRef(bound ? TextKey.NoticeBound : TextKey.NoticeSecondId, studentId, notice.StudentName, notice.Subject), unbind: bound)];
            return Say(StudentState.Start, Reply.Text(bound ? TextKey.BoundToAnotherAccount : TextKey.AnotherIdThisSession)) with { Notices = notices };
        }

        // The standing as the account check left it: attempts another account used under the ID are set aside.
        match = await store.FindSessionStudentAsync(match.SessionId, studentId, now, cancellationToken) ?? match;
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

        await store.BeginCheckInAsync(match.SessionId, studentId, now, cancellationToken);
        var next = state with
        {
            Step = StudentStep.AwaitLocation,
            SessionId = match.SessionId,
            LinkedCode = null,
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
