using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rollcall.IntegrationTests.Bots;
using Rollcall.Secrets;
using Rollcall.Simulation;
using Rollcall.Storage.Teachers;
using Rollcall.Telegram.Updates;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Abuse;

/// <summary>Getting at a teacher's account: a look-alike phone, a stored sign-in under another key, forged webhook posts.</summary>
public sealed class TeacherSignInAbuseTests
{
    private const string NotRegistered = "This phone number is not registered as a teacher. Please contact the admin.";

    [Fact]
    public async Task PasswordMessage_IsDeleted_EvenWhenTheTurnFails()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        await teacher.SendCommandAsync(bots.TeacherBot, "/start");
        Assert.Equal(AskContact, await teacher.ReplyAsync(bots.TeacherBot));
        await teacher.ShareContactAsync(bots.TeacherBot, BotsHost.TeacherPhone);
        Assert.Equal(AskUsername, await teacher.ReplyAsync(bots.TeacherBot));
        await teacher.SendTextAsync(bots.TeacherBot, BotsHost.Username);
        Assert.Equal(AskPassword, await teacher.ReplyAsync(bots.TeacherBot));
        await using (var db = bots.Database.CreateContext())
        {
            // Saving the sign-in fails (a full disk, say) after the LMS accepted the password.
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER l8_fail BEFORE UPDATE ON teachers BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;", Ct);
        }

        var before = await SnapshotAsync(bots, teacher, "Teacher");
        var password = await teacher.SendTextAsync(bots.TeacherBot, BotsHost.Password);

        Assert.Equal(password.MessageId, await teacher.NextDeletionAsync(bots.TeacherBot, cancellationToken: Ct));
        Assert.Equal("Something went wrong on our side. Please try again in a minute.", await teacher.ReplyAsync(bots.TeacherBot));
        Assert.Equal(before, await SnapshotAsync(bots, teacher, "Teacher"));
    }

    [Theory]
    [InlineData("+7 987 654 3210")]
    [InlineData("+86 198 7654 3210")]
    public async Task VerifiedContactFromAnotherCountry_WithTheSameLastTenDigits_IsNotTheTeacher(string phone)
    {
        await using var bots = await BotsHost.StartAsync();
        var stranger = bots.Emulator.CreateUser("Stranger");
        await stranger.SendCommandAsync(bots.TeacherBot, "/start");
        Assert.Equal(AskContact, await stranger.ReplyAsync(bots.TeacherBot));
        var before = await SnapshotAsync(bots, stranger, "Teacher");

        await stranger.ShareContactAsync(bots.TeacherBot, phone);

        Assert.Equal(NotRegistered, await stranger.ReplyAsync(bots.TeacherBot));
        Assert.Equal(before with { Conversation = "" }, (await SnapshotAsync(bots, stranger, "Teacher")) with { Conversation = "" });
        await using var db = bots.Database.CreateContext();
        Assert.Null(await db.Teachers.Select(t => t.TelegramUserId).SingleAsync(Ct));
    }

    [Fact]
    public async Task StoredSignInSealedUnderAnotherKey_AsksForANewSignIn_AndNothingElseMoves()
    {
        await using var bots = await BotsHost.StartAsync();
        var teacher = bots.Emulator.CreateUser("Rao");
        await TeacherAtBatchesAsync(bots, teacher);
        await using (var db = bots.Database.CreateContext())
        {
            var id = await db.Teachers.Select(t => t.Id).SingleAsync(Ct);
            var foreign = new SecretBox(RandomNumberGenerator.GetBytes(32)).Seal(BotsHost.Password, TeacherSecrets.Password(id));
            await db.Teachers.ExecuteUpdateAsync(s => s.SetProperty(t => t.PasswordSealed, foreign), Ct);
        }

        var before = await SnapshotAsync(bots, teacher, "Teacher");
        await teacher.SendCommandAsync(bots.TeacherBot, "/start");

        var reply = await teacher.NextMessageAsync(bots.TeacherBot, cancellationToken: Ct);
        Assert.Equal(
            "Your saved LMS sign-in can no longer be read (Rollcall's encryption key was changed), so please sign in again: tap \"Share contact\" below.",
            reply.Text);
        Assert.True(reply.Button("Share contact").RequestContact);
        Assert.Equal(before with { Conversation = "" }, (await SnapshotAsync(bots, teacher, "Teacher")) with { Conversation = "" });
    }

    [Fact]
    public async Task WebhookPost_WithTheOtherBotsSecretToken_IsForbidden_AndNothingMoves()
    {
        var port = LoopbackPort.Free();
        await using var bots = await BotsHost.StartAsync(webhookPort: port);
        var teacherToken = BotWebhook.SecretFor(new BotOptions { WebhookSecret = BotsHost.WebhookSecret }, BotRole.Teacher);
        var before = await CountsAsync(bots);
        using var http = new HttpClient();
        var answers = new List<HttpStatusCode>();
        foreach (var token in new[] { teacherToken, BotsHost.WebhookSecret })
        {
            using var body = new StringContent(
                """{"update_id":77,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"/start"}}""",
                Encoding.UTF8, "application/json");
            body.Headers.Add(BotWebhook.SecretHeader, token);
            using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/telegram/student"), body, Ct);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], answers);
        Assert.Equal(before, await CountsAsync(bots));
    }

    private static async Task<(int Conversations, int Updates)> CountsAsync(BotsHost bots)
    {
        await using var db = bots.Database.CreateContext();
        return (await db.Conversations.CountAsync(Ct), await db.ProcessedUpdates.CountAsync(Ct));
    }
}
