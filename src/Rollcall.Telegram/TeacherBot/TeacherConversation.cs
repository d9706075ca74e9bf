using Microsoft.Extensions.Options;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Telegram.Classroom;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>
/// The teacher conversation, one step per input: sign in (contact, LMS email, password), pick batches and a subject,
/// send the location, get the class code. Talks to the LMS and stores through ports, so tests run it without a network.
/// </summary>
public sealed partial class TeacherConversation(
    ITeacherAccounts accounts,
    ILmsGateway lms,
    OtpIssuer otps,
    IOptions<ClassroomOptions> options)
{
    private readonly ClassroomOptions _options = options.Value;

    public Task<TeacherTurn> StepAsync(TeacherState state, Inbound inbound, ISessionStore sessions, DateTimeOffset now, CancellationToken cancellationToken) =>
        (inbound.Input, state.Step) switch
        {
            (BotInput.Command { Name: TeacherCommands.Start }, _) => StartAsync(inbound, cancellationToken),
            (BotInput.Command { Name: TeacherCommands.Cancel }, _) => Done(TeacherState.Start, Reply.Text(new Keyboard.Remove(), TextKey.Cancelled)),
            (BotInput.Callback callback, _) => Task.FromResult(OnCallback(state, callback)),
            (_, TeacherStep.AwaitContact) => OnContactAsync(state, inbound.Input, cancellationToken),
            (_, TeacherStep.AwaitUsername) => Task.FromResult(OnUsername(state, inbound.Input)),
            (_, TeacherStep.AwaitPassword) => OnPasswordAsync(state, inbound, cancellationToken),
            (_, TeacherStep.ChooseBatches or TeacherStep.ChooseSubject) => Done(state, Reply.Text(TextKey.UseTheButtons)),
            (_, TeacherStep.AwaitLocation) => OnLocationAsync(state, inbound, sessions, now, cancellationToken),
            _ => Done(state, Reply.Text(TextKey.NotUnderstood, new TextRef(TextKey.TeacherHelp))),
        };

    private static Task<TeacherTurn> Done(TeacherState state, params Reply[] replies) => Task.FromResult(new TeacherTurn(state, replies));

    private static Reply.Message AskContact(TextKey key = TextKey.AskContact) =>
        Reply.Text(new Keyboard.RequestContact(TextKey.ShareContactButton), key);
}
