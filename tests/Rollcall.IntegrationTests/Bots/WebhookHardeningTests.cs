using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Telegram.Bot;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>Webhook secrets, listeners, readiness and polling beside a webhook, on the real host (audit L1).</summary>
public sealed class WebhookHardeningTests(FacesFixture faces)
{
    private const string Secret = "hardening-webhook-secret-0123456789-abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebhookListen_ServesTheWebhookAlone_AndHealthStaysOnHttpListen()
    {
        _ = faces.Engine;
        var webhookPort = LoopbackPort.Free();
        await using var host = await RollcallTestHost.StartAsync(Webhook(webhookPort));
        using var http = new HttpClient();
        var student = host.Emulator.CreateUser("Asha");

        await student.SendCommandAsync(host.StudentBot, "/start");
        var answer = await student.NextMessageAsync(host.StudentBot, cancellationToken: Ct);
        using var metricsOnWebhook = await http.GetAsync(new Uri($"http://127.0.0.1:{webhookPort}/metrics"), Ct);
        using var readyOnWebhook = await http.GetAsync(new Uri($"http://127.0.0.1:{webhookPort}/readyz"), Ct);
        using var metrics = await http.GetAsync(new Uri(host.BaseUrl, "/metrics"), Ct);
        using var webhookOnHttp = await http.PostAsync(new Uri(host.BaseUrl, "/telegram/student"), Update(), Ct);

        Assert.Equal("Send your student ID.", answer.Text);
        Assert.Equal(HttpStatusCode.NotFound, metricsOnWebhook.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readyOnWebhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhookOnHttp.StatusCode);
    }

    [Fact]
    public async Task EachBot_HasItsOwnSecretToken_AndOneBotsTokenCannotPostToTheOther()
    {
        _ = faces.Engine;
        var webhookPort = LoopbackPort.Free();
        await using var host = await RollcallTestHost.StartAsync(Webhook(webhookPort));
        var user = host.Emulator.CreateUser("Asha");
        foreach (var bot in new[] { host.TeacherBot, host.StudentBot })
        {
            // An answer through the webhook: both are registered.
            await user.SendCommandAsync(bot, "/help");
            await user.NextMessageAsync(bot, cancellationToken: Ct);
        }

        var teacherToken = SecretToken(host.TeacherBot);
        var studentToken = SecretToken(host.StudentBot);
        using var http = new HttpClient();
        using var forged = Update();
        forged.Headers.Add("X-Telegram-Bot-Api-Secret-Token", teacherToken);

        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{webhookPort}/telegram/student"), forged, Ct);

        Assert.NotEqual(teacherToken, studentToken);
        Assert.DoesNotContain(Secret, new[] { teacherToken, studentToken });
        Assert.All(new[] { teacherToken, studentToken }, token => Assert.Matches("^[A-Za-z0-9_-]{32,256}$", token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReadyzFlood_AsksTelegramOncePerBot()
    {
        _ = faces.Engine;
        await using var host = await RollcallTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        var before = (host.TeacherBot.CallCount("getMe"), host.StudentBot.CallCount("getMe"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal((before.Item1 + 1, before.Item2 + 1), (host.TeacherBot.CallCount("getMe"), host.StudentBot.CallCount("getMe")));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task PollingWithoutTelegramMode_LeavesAWebhookSetElsewhere_AndStops()
    {
        _ = faces.Engine;
        await using var emulator = new BotApiEmulator();
        await emulator.StartAsync(Ct);
        var deployed = "https://rollcall.example.edu/telegram/teacher";
        await using var host = await StartBesideAWebhookAsync(emulator, deployed, telegramMode: null);

        await WaitForStopAsync(host);

        var teacherBot = emulator.Bot("8000001:test-teacher", "test_teacher_bot");
        Assert.Equal(new Uri(deployed), teacherBot.WebhookUrl);
        Assert.Equal(0, teacherBot.CallCount("deleteWebhook"));
        Assert.Equal(0, teacherBot.CallCount("getUpdates"));
    }

    [Fact]
    public async Task ExplicitPolling_TakesTheBotOverFromAWebhook()
    {
        _ = faces.Engine;
        await using var emulator = new BotApiEmulator();
        await emulator.StartAsync(Ct);
        await using var host = await StartBesideAWebhookAsync(emulator, "https://rollcall.example.edu/telegram/teacher", telegramMode: "polling");
        var teacher = host.Emulator.CreateUser("Rao");

        await teacher.SendCommandAsync(host.TeacherBot, "/start");
        await teacher.NextMessageAsync(host.TeacherBot, cancellationToken: Ct);

        Assert.Null(host.TeacherBot.WebhookUrl);
    }

    private static Dictionary<string, string?> Webhook(int webhookPort) => new()
    {
        ["TELEGRAM_MODE"] = "webhook",
        ["WEBHOOK_URL"] = $"http://127.0.0.1:{webhookPort}/telegram",
        ["WEBHOOK_SECRET"] = Secret,
        ["WEBHOOK_LISTEN"] = $"127.0.0.1:{webhookPort}",
    };

    private static async Task<RollcallTestHost> StartBesideAWebhookAsync(BotApiEmulator emulator, string webhookUrl, string? telegramMode)
    {
        var teacher = emulator.AddBot("8000001:test-teacher", "test_teacher_bot");
        await new TelegramBotClient(new TelegramBotClientOptions(teacher.Token, emulator.BaseUrl)).SetWebhook(webhookUrl, cancellationToken: Ct);
        return await RollcallTestHost.StartAsync(new Dictionary<string, string?> { ["TELEGRAM_MODE"] = telegramMode }, emulator);
    }

    private static async Task WaitForStopAsync(RollcallTestHost host)
    {
        var stopping = new TaskCompletionSource();
        using var registration = host.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private static string SecretToken(EmulatedBot bot) =>
        (string)JsonNode.Parse(bot.Calls.Last(c => c.Method.Equals("setWebhook", StringComparison.OrdinalIgnoreCase)).ParametersJson)!["secret_token"]!;

    private static StringContent Update() => new(
        """{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"/start"}}""",
        Encoding.UTF8, "application/json");
}
