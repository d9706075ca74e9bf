using Rollcall.IntegrationTests.Support;
using Rollcall.Secrets;
using static Rollcall.IntegrationTests.EndToEnd.ConversationSteps;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>A changed ENCRYPTION_KEY (audit M11): the teacher is asked to sign in again, never "something went wrong".</summary>
public sealed class EncryptionKeyChangeTests(FacesFixture faces)
{
    public const string StoredSignInUnreadable =
        "Your saved LMS sign-in can no longer be read (Rollcall's encryption key was changed), so please sign in again: tap \"Share contact\" below.";

    [Fact]
    public async Task ChangedEncryptionKey_AsksTheTeacherToSignInAgain_ThenWorks()
    {
        await using var stack = await LmsClassStack.StartAsync(faces, settings: new Dictionary<string, string?> { ["ENCRYPTION_KEY"] = EncryptionKey.Generate() });
        var teacher = stack.Emulator.CreateUser("Karimov");
        await SignInAsync(stack, teacher);
        await stack.RestartHostAsync(new Dictionary<string, string?> { ["ENCRYPTION_KEY"] = EncryptionKey.Generate() });
        var bot = stack.TeacherBot;

        await teacher.SendCommandAsync(bot, "/start");
        var again = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.ShareContactAsync(bot, LmsClassStack.TeacherPhone);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Email);
        await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await teacher.SendTextAsync(bot, LmsClassStack.Password);
        await teacher.NextDeletionAsync(bot, cancellationToken: Ct);
        var batches = await teacher.NextMessageAsync(bot, cancellationToken: Ct);
        await stack.RestartHostAsync();
        await teacher.SendCommandAsync(stack.TeacherBot, "/start");
        var welcome = await teacher.NextMessageAsync(stack.TeacherBot, cancellationToken: Ct);

        Assert.Equal(StoredSignInUnreadable, again.Text);
        Assert.True(again.Button("Share contact").RequestContact);
        Assert.Equal(ChooseBatches, batches.Text);
        Assert.Equal("Welcome back, Dr Karimov.", welcome.Text);
    }
}
