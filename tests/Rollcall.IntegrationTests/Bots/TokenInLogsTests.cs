using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using static Rollcall.IntegrationTests.Abuse.AbuseSteps;

namespace Rollcall.IntegrationTests.Bots;

/// <summary>Bot API URLs carry the bot token (audit S3): no log line shows it when getFile, a download or setWebhook fails.</summary>
public sealed class TokenInLogsTests
{
    [Fact]
    public async Task FailingSetWebhookGetFileAndDownload_NeverLogTheBotToken()
    {
        var port = LoopbackPort.Free();
        await using var bots = await BotsHost.StartAsync(webhookPort: port, captureLogs: true,
            settings: new Dictionary<string, string?> { ["HTTP_TIMEOUT_SECONDS"] = "2" },
            beforeStart: host => host.StudentBot.FailNext("setWebhook", BotApiFault.ServerError(500)));
        bots.StudentBot.FailNext("getFile", BotApiFault.ServerError(500));
        bots.StudentBot.FailNext("download", BotApiFault.ServerError(502));
        bots.StudentBot.StallNextDownloads();
        var otp = await BotsOverHttpTests.OpenSessionAsync(bots, bots.Emulator.CreateUser("Rao"));
        var student = bots.Emulator.CreateUser("Asha");
        await BotsOverHttpTests.CheckInUpToVideoNoteAsync(bots, student, "S-1", otp);

        await student.SendVideoNoteAsync(bots.StudentBot, [1, 2, 3]);
        await student.ReplyAsync(bots.StudentBot);
        var verdict = await student.NextMessageAsync(bots.StudentBot, TimeSpan.FromSeconds(90), Ct);

        Assert.Equal("Attendance marked: present in Maths.", ReceiptLine.Split(verdict.Text!).Body);
        var logs = bots.Logs.ToArray();
        Assert.Contains(logs, line => line.StartsWith("5010 ", StringComparison.Ordinal));
        // At least the three injected failures (a loaded machine may time out one more call at HTTP_TIMEOUT_SECONDS=2).
        Assert.True(logs.Count(line => line.StartsWith("5202 ", StringComparison.Ordinal)) >= 3);
        foreach (var secret in new[] { bots.TeacherBot.Token, bots.StudentBot.Token, Secret(bots.TeacherBot), Secret(bots.StudentBot) })
        {
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>The part after the bot id: the token's secret on its own.</summary>
    private static string Secret(EmulatedBot bot) => bot.Token[(bot.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
