using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>With a webhook set, the emulator posts updates to the bot instead of queueing them for getUpdates.</summary>
public sealed class BotApiEmulatorWebhookTests : IAsyncLifetime
{
    private readonly BotApiEmulator _emulator = new();
    private readonly Channel<(string? Secret, JsonNode Update)> _received = Channel.CreateUnbounded<(string?, JsonNode)>();
    private WebApplication _receiver = null!;
    private int _refusalsLeft;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.StartAsync(Ct);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        _receiver = builder.Build();
        _receiver.MapPost("/webhook", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
            {
                return Results.StatusCode(500);
            }

            var update = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            await _received.Writer.WriteAsync((request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString(), update!));
            return Results.Ok();
        });
        await _receiver.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Updates_ArePostedWithTheSecret_AndGetUpdatesConflicts()
    {
        var bot = _emulator.AddBot("3333:webhook-secret", "webhook_bot");
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, _emulator.BaseUrl));
        var alice = _emulator.CreateUser("Alice");
        await client.SetWebhook($"{_receiver.Urls.First()}/webhook", secretToken: "s3", cancellationToken: Ct);

        await alice.SendTextAsync(bot, "hello");
        var (secret, update) = await _received.Reader.NextAsync(null, "webhook post", Ct);
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => client.GetUpdates(cancellationToken: Ct));
        var info = await client.GetWebhookInfo(Ct);

        Assert.Equal("s3", secret);
        Assert.Equal("hello", (string?)update["message"]?["text"]);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.EndsWith("/webhook", info.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedDelivery_IsRetried_InOrder()
    {
        var bot = _emulator.AddBot("4444:webhook-secret", "retry_bot");
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Token, _emulator.BaseUrl));
        var alice = _emulator.CreateUser("Alice");
        _refusalsLeft = 2;
        await client.SetWebhook($"{_receiver.Urls.First()}/webhook", cancellationToken: Ct);

        await alice.SendTextAsync(bot, "first");
        await alice.SendTextAsync(bot, "second");
        var first = await _received.Reader.NextAsync(null, "first webhook post", Ct);
        var second = await _received.Reader.NextAsync(null, "second webhook post", Ct);

        Assert.Equal(["first", "second"], new[] { first, second }.Select(r => (string?)r.Update["message"]?["text"]));
    }
}
