using Rollcall.Lms;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Sign-in: /start, the teacher's own contact, LMS email and password.</summary>
public sealed partial class TeacherConversation
{
    private const int MaxUsernameLength = 200;

    private async Task<TeacherTurn> StartAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var known = await accounts.FindByTelegramUserAsync(inbound.UserId, cancellationToken);
        if (known is { CredentialsUnreadable: true })
        {
            return new TeacherTurn(TeacherState.Start with { Step = TeacherStep.AwaitContact }, [AskContact(TextKey.StoredSignInUnreadable)]);
        }

        if (known is not { HasCredentials: true })
        {
            return new TeacherTurn(TeacherState.Start with { Step = TeacherStep.AwaitContact }, [AskContact()]);
        }

        var signedIn = TeacherState.Start with { TeacherId = known.Id, TeacherName = known.Name };
        return await ShowBatchesAsync(signedIn, Reply.Text(new Keyboard.Remove(), TextKey.TeacherWelcomeBack, known.Name), cancellationToken);
    }

    private async Task<TeacherTurn> OnContactAsync(TeacherState state, BotInput input, CancellationToken cancellationToken)
    {
        if (input is not BotInput.Contact contact)
        {
            return new TeacherTurn(state, [AskContact()]);
        }

        if (!contact.IsOwn)
        {
            return new TeacherTurn(state, [AskContact(TextKey.ContactNotOwn)]);
        }

        var teacher = await accounts.FindByPhoneAsync(contact.Phone, cancellationToken);
        if (teacher is null)
        {
            return new TeacherTurn(TeacherState.Start, [Reply.Text(new Keyboard.Remove(), TextKey.NotRegistered)]);
        }

        var next = state with { Step = TeacherStep.AwaitUsername, TeacherId = teacher.Id, TeacherName = teacher.Name };
        return new TeacherTurn(next, [Reply.Text(new Keyboard.Remove(), TextKey.AskUsername, teacher.Name)]);
    }

    private static TeacherTurn OnUsername(TeacherState state, BotInput input) =>
        input is BotInput.Text { Value: { Length: > 0 and <= MaxUsernameLength } username }
            ? new TeacherTurn(state with { Step = TeacherStep.AwaitPassword, Username = username }, [Reply.Text(TextKey.AskPassword)])
            : new TeacherTurn(state, [Reply.Text(TextKey.AskUsername, state.TeacherName)]);

    private async Task<TeacherTurn> OnPasswordAsync(TeacherState state, Inbound inbound, CancellationToken cancellationToken)
    {
        if (inbound.Input is not BotInput.Text { Value.Length: > 0 } text || state is not { TeacherId: { } teacherId, Username: { } username })
        {
            return new TeacherTurn(state, [Reply.Text(TextKey.AskPassword)]);
        }

        // The password leaves the chat first, whatever the LMS says, and even when the turn fails.
        Reply[] delete = inbound.MessageId is { } messageId ? [new Reply.Delete(messageId)] : [];
        try
        {
            return await SignInAsync(state, inbound, teacherId, new LmsCredentials(username, text.Value), delete, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && delete.Length > 0)
        {
            throw new FailedTurnException(delete, e);
        }
    }

    private async Task<TeacherTurn> SignInAsync(
        TeacherState state, Inbound inbound, long teacherId, LmsCredentials credentials, Reply[] delete, CancellationToken cancellationToken)
    {
        switch (await lms.SignInAsync(teacherId, credentials, cancellationToken))
        {
            case LmsResult<string>.Ok:
                await accounts.BindAsync(teacherId, inbound.UserId, credentials, cancellationToken);
                var turn = await ShowBatchesAsync(state with { Username = null }, null, cancellationToken);
                return turn with { Replies = [.. delete, .. turn.Replies] };
            case LmsResult<string>.WrongCredentials:
                var again = state with { Step = TeacherStep.AwaitUsername, Username = null };
                return new TeacherTurn(again, [.. delete, Reply.Text(TextKey.WrongCredentials)]);
            default:
                return new TeacherTurn(state, [.. delete, Reply.Text(TextKey.LmsUnavailable, new TextRef(TextKey.RetryPassword))]);
        }
    }
}
