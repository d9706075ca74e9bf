using Rollcall.Geofence;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Sessions;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>The location, the rosters from the LMS, and the new session with its class code.</summary>
public sealed partial class TeacherConversation
{
    private async Task<TeacherTurn> OnLocationAsync(TeacherState state, Inbound inbound, ISessionStore sessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var askAgain = Reply.Text(new Keyboard.RequestLocation(TextKey.SendLocationButton), TextKey.AskTeacherLocation);
        if (inbound.Input is not BotInput.Location location || state is not { TeacherId: { } teacherId, Subject: { } subject })
        {
            return new TeacherTurn(state, [askAgain]);
        }

        GeoPoint centre;
        switch (CentreCheck.Evaluate(location.Point, location.Forwarded, _options.DistanceLimitMetres))
        {
            case CentreCheck.Accepted accepted:
                centre = accepted.Centre;
                break;
            case CentreCheck.TooCoarse coarse:
                return new TeacherTurn(state, [Reply.Text(new Keyboard.RequestLocation(TextKey.SendLocationButton), TextKey.TeacherLocationCoarse, coarse.Accuracy, coarse.Limit)]);
            default:
                return new TeacherTurn(state, [Reply.Text(new Keyboard.RequestLocation(TextKey.SendLocationButton), TextKey.LocationForwarded)]);
        }

        var batches = state.SelectedBatches;
        List<RosterStudent> roster = [];
        foreach (var batch in batches)
        {
            switch (await lms.GetRosterAsync(teacherId, batch, subject, cancellationToken))
            {
                case LmsResult<IReadOnlyList<RosterStudent>>.Ok students:
                    roster.AddRange(students.Value);
                    break;
                case LmsResult<IReadOnlyList<RosterStudent>>.WrongCredentials:
                    return new TeacherTurn(TeacherState.Start, [Reply.Text(new Keyboard.Remove(), TextKey.SignInAgain)]);
                default:
                    return new TeacherTurn(state, [Reply.Text(TextKey.LmsUnavailable, new TextRef(TextKey.RetryLocation))]);
            }
        }

        if (roster.Count == 0)
        {
            return new TeacherTurn(TeacherState.Start, [Reply.Text(new Keyboard.Remove(), TextKey.EmptyRoster)]);
        }

        var draft = new SessionDraft(teacherId, inbound.ChatId, batches, subject, SessionTimes.DateOf(now, _options.Zone), centre, now, _options.Times, roster);
        var done = TeacherState.Start with { TeacherId = teacherId, TeacherName = state.TeacherName };
        return await sessions.TryOpenAsync(draft, otps.Next, cancellationToken) switch
        {
            OpenSessionResult.Opened opened => new TeacherTurn(done, []) { ShowSession = opened.SessionId },
            OpenSessionResult.Duplicate duplicate => new TeacherTurn(done, [Reply.Text(new Keyboard.Remove(), TextKey.DuplicateSession, duplicate.Batch, subject)])
            {
                ShowSession = duplicate.SessionId,
            },
            _ => throw new InvalidOperationException("Unknown session result."),
        };
    }
}
