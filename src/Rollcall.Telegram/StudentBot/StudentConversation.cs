using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Rollcall.Faces;
using Rollcall.Ports;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>
/// The student check-in, one step per input: student ID, class code, live location inside the geofence, then a video
/// note that is stored as a verification job and answered with "processing" at once.
/// </summary>
/// <param name="randomizer">Uniform in [0, 1), for picking the challenge; a cryptographic source unless a test gives its own.</param>
public sealed partial class StudentConversation(IOptions<ClassroomOptions> options, IOptions<StudentBotOptions> studentOptions, Func<double>? randomizer = null)
{
    private readonly ClassroomOptions _options = options.Value;
    private readonly StudentBotOptions _student = studentOptions.Value;
    private readonly Func<double> _random = randomizer ?? (static () => RandomNumberGenerator.GetInt32(1 << 30) / (double)(1 << 30));

    /// <summary>
    /// The state as the check-in stands now: once the session's mark is decided (present, refused, or with the teacher),
    /// the check-in is over and the chat is at rest.
    /// </summary>
    public static async Task<StudentState> SettleAsync(StudentState state, ICheckInStore store, CancellationToken cancellationToken) =>
        state is { SessionId: { } sessionId, StudentId: { } studentId } && await store.IsCheckInOverAsync(sessionId, studentId, cancellationToken)
            ? StudentState.Start
            : state;

    public Task<StudentTurn> StepAsync(StudentState state, Inbound inbound, ICheckInStore store, DateTimeOffset now, CancellationToken cancellationToken) =>
        (inbound.Input, state.Step) switch
        {
            (BotInput.Command { Name: StudentCommands.Start } start, _) => StartAsync(start, store, now, cancellationToken),
            (BotInput.Command { Name: StudentCommands.Cancel }, _) => Done(StudentState.Start, Reply.Text(new Keyboard.Remove(), TextKey.Cancelled)),
            (BotInput.Location { Edited: true } fix, _) => OnLaterFixAsync(state, inbound.UserId, fix, store, now, cancellationToken),
            (BotInput.Callback callback, _) => Done(state, new Reply.AnswerCallback(callback.CallbackId, new TextRef(TextKey.ButtonExpired))),
            (_, StudentStep.AwaitStudentId) => OnStudentIdAsync(state, inbound, store, now, cancellationToken),
            (_, StudentStep.AwaitOtp) => OnOtpAsync(state, inbound, store, now, cancellationToken),
            (_, StudentStep.AwaitLocation) => OnLocationAsync(state, inbound.Input, store, now, cancellationToken),
            (_, StudentStep.AwaitVideoNote) => OnVideoNoteAsync(state, inbound, store, now, cancellationToken),
            _ => Done(state, Reply.Text(TextKey.NotUnderstood, new TextRef(TextKey.StudentHelp))),
        };

    /// <summary>A challenge unlike <paramref name="previous"/>, or none when ATTENDANCE_CHALLENGE is off.</summary>
    private Challenge PickChallenge(Challenge previous) => _student.ChallengeOn ? ChallengePick.Pick(_random(), previous) : Challenge.None;

    private static Task<StudentTurn> Done(StudentState state, params Reply[] replies) => Task.FromResult(new StudentTurn(state, replies, []));

    private static StudentTurn Say(StudentState state, params Reply[] replies) => new(state, replies, []);
}
