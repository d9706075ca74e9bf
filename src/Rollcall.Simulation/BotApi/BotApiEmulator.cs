using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Rollcall.Simulation.BotApi;

/// <summary>
/// A Telegram Bot API server on loopback for several bots and many simulated users:
/// bots talk to it over HTTP as to api.telegram.org, tests act as users through <see cref="EmulatedUser"/>.
/// </summary>
public sealed class BotApiEmulator(TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, EmulatedBot> _bots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(long BotId, long ChatId), ChatState> _chats = new();
    private readonly ConcurrentDictionary<long, EmulatedUser> _users = new();
    private readonly ConcurrentDictionary<string, ChatState> _callbackQueries = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private long _lastUserId = 100_000;
    private long _lastGroupId = 4_000_000;
    private long _lastCallbackId;

    /// <summary>The clock behind message dates.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>http://127.0.0.1:PORT, to pass as Telegram.Bot's baseUrl (TELEGRAM_API_BASE_URL).</summary>
    public string BaseUrl => _app is null ? throw new InvalidOperationException("Call StartAsync first.") : _app.Urls.First();

    internal FileStore Files { get; } = new();

    internal HttpClient WebhookClient { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal CancellationToken Stopping => _stopping.Token;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        BotApiEndpoints.Map(_app);
        await _app.StartAsync(cancellationToken);
    }

    /// <summary>Registers a bot; the token must look like Telegram's ("123456:secret") because Telegram.Bot reads the id from it.</summary>
    public EmulatedBot AddBot(string token, string username)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException("A bot token looks like 123456:secret.", nameof(token));
        }

        var bot = new EmulatedBot(token, id, username);
        return _bots.TryAdd(token, bot) ? bot : throw new ArgumentException($"Bot {username} is already registered.", nameof(token));
    }

    /// <summary>Creates a Telegram user who can talk to any bot of this emulator.</summary>
    public EmulatedUser CreateUser(string firstName, long? userId = null, string? lastName = null, string? username = null)
    {
        var id = userId ?? Interlocked.Increment(ref _lastUserId);
        var user = new EmulatedUser(this, id, firstName, lastName, username);
        return _users.TryAdd(id, user) ? user : throw new ArgumentException($"User {id} exists already.", nameof(userId));
    }

    /// <summary>The next message a bot sent to a group or channel chat (see <see cref="EmulatedUser.SendFromGroupAsync"/>).</summary>
    public Task<BotMessage> NextMessageInChatAsync(EmulatedBot bot, long chatId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        FindChat(bot, chatId) is { } chat
            ? chat.Messages.Reader.NextAsync(timeout, $"message from @{bot.Username} in chat {chatId}", cancellationToken)
            : throw new InvalidOperationException($"Chat {chatId} is unknown.");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var bot in _bots.Values)
        {
            if (bot.Webhook is { } webhook)
            {
                await webhook.DisposeAsync();
            }
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        WebhookClient.Dispose();
        _stopping.Dispose();
    }

    internal EmulatedBot? FindBot(string token) => _bots.GetValueOrDefault(token);

    /// <summary>The bot registered with <paramref name="token"/>, or a new one.</summary>
    public EmulatedBot Bot(string token, string username) => FindBot(token) ?? AddBot(token, username);

    internal ChatState? FindChat(EmulatedBot bot, long chatId) =>
        _chats.GetValueOrDefault((bot.Id, chatId)) ?? (_users.TryGetValue(chatId, out var user) ? PrivateChat(bot, user) : null);

    /// <summary>The private chat of a user with a bot, created when first needed.</summary>
    internal ChatState PrivateChat(EmulatedBot bot, EmulatedUser user) =>
        _chats.GetOrAdd((bot.Id, user.Id), _ => new ChatState(user.Id, user.ChatJson()));

    internal ChatState NewGroupChat(EmulatedBot bot, string title, string type)
    {
        var number = Interlocked.Increment(ref _lastGroupId);
        var id = type == "group" ? -number : -1_000_000_000_000 - number;
        var chat = new JsonObject { ["id"] = id, ["type"] = type, ["title"] = title };
        return _chats.GetOrAdd((bot.Id, id), _ => new ChatState(id, chat) { Started = true });
    }

    internal string NewCallbackQuery(ChatState chat)
    {
        var id = Interlocked.Increment(ref _lastCallbackId).ToString(CultureInfo.InvariantCulture);
        _callbackQueries[id] = chat;
        return id;
    }

    internal ChatState? FindCallbackQuery(string id) => _callbackQueries.GetValueOrDefault(id);

    internal long UnixNow() => Clock.GetUtcNow().ToUnixTimeSeconds();
}
