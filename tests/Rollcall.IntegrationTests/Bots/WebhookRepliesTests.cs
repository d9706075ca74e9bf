using System.Globalization;
using System.Text;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Rollcall.Telegram.Updates;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>Webhook replies do not depend on the request staying open (audit L9).</summary>
public sealed class WebhookRepliesTests
{
    [Fact]
    public async Task TelegramDroppingASlowWebhookRequest_DoesNotLoseTheTurnsReply()
    {
        var port = LoopbackPort.Free();
        await using var bots = await BotsHost.StartAsync(webhookPort: port);
        var teacher = bots.Emulator.CreateUser("Rao");
        await teacher.SendCommandAsync(bots.TeacherBot, "/start");
        Assert.Equal(AskContact, await teacher.ReplyAsync(bots.TeacherBot));

        // Flood control holds the reply 6 s: longer than the grace a dropped request would leave it.
        bots.TeacherBot.FailNext("sendMessage", BotApiFault.TooManyRequests(6));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        using var body = new StringContent(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"update_id":900001,"message":{"message_id":900001,"date":0,"chat":{"id":{{{teacher.Id}}},"type":"private"},"from":{"id":{{{teacher.Id}}},"is_bot":false,"first_name":"Rao"},"text":"/help"}}"""),
            Encoding.UTF8, "application/json");
        body.Headers.Add(BotWebhook.SecretHeader, BotWebhook.SecretFor(new BotOptions { WebhookSecret = BotsHost.WebhookSecret }, BotRole.Teacher));
        await Assert.ThrowsAsync<TaskCanceledException>(() => http.PostAsync(new Uri($"http://127.0.0.1:{port}/telegram/teacher"), body, Ct));

        var reply = await teacher.NextMessageAsync(bots.TeacherBot, TimeSpan.FromSeconds(30), Ct);

        Assert.StartsWith("To open an attendance session:", reply.Text, StringComparison.Ordinal);
    }
}
