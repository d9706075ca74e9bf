using Rollcall.Simulation.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>Telegram's limits on what a bot sends, answered by the emulator as Telegram answers them.</summary>
public sealed class BotApiEmulatorLimitsTests : IAsyncLifetime
{
    private readonly BotApiEmulator _emulator = new();
    private EmulatedBot _bot = null!;
    private TelegramBotClient _client = null!;
    private EmulatedUser _user = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.StartAsync(Ct);
        _bot = _emulator.AddBot("3333:limits-secret", "limits_bot");
        _client = new TelegramBotClient(new TelegramBotClientOptions(_bot.Token, _emulator.BaseUrl));
        _user = _emulator.CreateUser("Alice");
        await _user.SendTextAsync(_bot, "hello");
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Message_Of4096Characters_IsSent_AndOneMore_IsTooLong()
    {
        await _client.SendMessage(_user.Id, new string('a', 4096), cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(_user.Id, new string('a', 4097), cancellationToken: Ct));

        Assert.Equal((400, "Bad Request: message is too long"), (refused.ErrorCode, refused.Message));
        Assert.Equal(4096, (await _user.NextMessageAsync(_bot, cancellationToken: Ct)).Text!.Length);
    }

    [Fact]
    public async Task EditedText_IsHeldToTheSameLimit_AfterMarkupIsStripped()
    {
        var sent = await _client.SendMessage(_user.Id, "short", cancellationToken: Ct);

        await _client.EditMessageText(_user.Id, sent.Id, $"<b>{new string('b', 4096)}</b>", global::Telegram.Bot.Types.Enums.ParseMode.Html, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.EditMessageText(_user.Id, sent.Id, new string('c', 4097), cancellationToken: Ct));

        Assert.Equal("Bad Request: message is too long", refused.Message);
    }

    [Fact]
    public async Task Caption_Over1024Characters_IsTooLong()
    {
        await using var small = new MemoryStream([1, 2, 3]);
        await using var again = new MemoryStream([1, 2, 3]);

        await _client.SendDocument(_user.Id, InputFile.FromStream(small, "a.csv"), new string('x', 1024), cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.SendDocument(_user.Id, InputFile.FromStream(again, "a.csv"), new string('x', 1025), cancellationToken: Ct));

        Assert.Equal("Bad Request: message caption is too long", refused.Message);
    }

    [Fact]
    public async Task CallbackData_Over64Bytes_IsRefused_CountingUtf8Bytes()
    {
        var fits = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("ok", new string('d', 64)));
        var tooLong = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("no", new string('é', 33)));

        await _client.SendMessage(_user.Id, "fits", replyMarkup: fits, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(_user.Id, "too long", replyMarkup: tooLong, cancellationToken: Ct));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", refused.Message);
    }

    [Fact]
    public async Task InlineKeyboard_OfMoreThan100Buttons_IsRefused()
    {
        var rows = Enumerable.Range(0, 101).Select(i => new[] { InlineKeyboardButton.WithCallbackData($"{i}", $"b{i}") });

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.SendMessage(_user.Id, "many", replyMarkup: new InlineKeyboardMarkup(rows), cancellationToken: Ct));

        Assert.Equal("Bad Request: REPLY_MARKUP_TOO_LONG", refused.Message);
    }

    [Fact]
    public async Task Uploads_OverTheirLimits_AreTooLarge_AndGetFileStopsAt20MB()
    {
        await using var photo = new MemoryStream(new byte[(10 * 1024 * 1024) + 1]);
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.SendPhoto(_user.Id, InputFile.FromStream(photo, "big.png"), cancellationToken: Ct));
        await _user.SendVideoNoteAsync(_bot, new byte[(20 * 1024 * 1024) + 1]);
        var note = (await _client.GetUpdates(cancellationToken: Ct)).Last().Message!.VideoNote!;
        var download = await Assert.ThrowsAsync<ApiRequestException>(() => _client.GetFile(note.FileId, Ct));

        Assert.Equal((413, "Request Entity Too Large"), (refused.ErrorCode, refused.Message));
        Assert.Equal("Bad Request: file is too big", download.Message);
    }

    [Fact]
    public async Task CommandMenu_WithAnUpperCaseName_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _client.SetMyCommands([new BotCommand("myInfo", "what I keep")], cancellationToken: Ct));

        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", refused.Message);
    }
}
