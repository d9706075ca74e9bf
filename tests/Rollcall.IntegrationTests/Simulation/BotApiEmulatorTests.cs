using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>The emulator as the real Telegram.Bot client sees it: identity, updates, messages, keyboards, errors.</summary>
public sealed class BotApiEmulatorTests : IAsyncLifetime
{
    private readonly BotApiEmulator _emulator = new();
    private EmulatedBot _bot = null!;
    private TelegramBotClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.StartAsync(Ct);
        _bot = _emulator.AddBot("1111:teacher-secret", "rollcall_teacher_bot");
        _client = new TelegramBotClient(new TelegramBotClientOptions(_bot.Token, _emulator.BaseUrl));
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task GetMe_ReturnsTheRegisteredBot()
    {
        var me = await _client.GetMe(Ct);

        Assert.Equal(1111, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("rollcall_teacher_bot", me.Username);
    }

    [Fact]
    public async Task UnknownToken_IsUnauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("9999:unknown", _emulator.BaseUrl));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe(Ct));

        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task GetUpdates_KeepsUpdatesUntilConfirmedByOffset()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        await alice.SendTextAsync(_bot, "ST-001");

        var first = await _client.GetUpdates(cancellationToken: Ct);
        var again = await _client.GetUpdates(cancellationToken: Ct);
        var afterConfirm = await _client.GetUpdates(offset: first[^1].Id + 1, timeout: 0, cancellationToken: Ct);

        Assert.Equal(["/start", "ST-001"], first.Select(u => u.Message!.Text));
        Assert.Equal(first[0].Id + 1, first[1].Id);
        Assert.Equal(first[0].Message!.Id + 1, first[1].Message!.Id);
        Assert.Equal(MessageEntityType.BotCommand, first[0].Message!.Entities![0].Type);
        Assert.Equal(alice.Id, first[0].Message!.From!.Id);
        Assert.Equal(2, again.Length);
        Assert.Empty(afterConfirm);
    }

    [Fact]
    public async Task LongPoll_AnswersAsSoonAsAUserWrites()
    {
        var alice = _emulator.CreateUser("Alice");
        var poll = _client.GetUpdates(timeout: 30, cancellationToken: Ct);

        await alice.SendTextAsync(_bot, "hello");
        var updates = await poll.WaitAsync(SimulationDefaults.Timeout, Ct);

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task AllowedUpdates_FiltersOutOtherKinds()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendTextAsync(_bot, "hi");
        var updates = await _client.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery], timeout: 0, cancellationToken: Ct);

        Assert.Empty(updates);
    }

    [Fact]
    public async Task UnknownChat_IsNotFound_AndAnUnstartedUserCannotBeMessaged()
    {
        var bob = _emulator.CreateUser("Bob");

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(424242, "hi", cancellationToken: Ct));
        var unstarted = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(bob.Id, "hi", cancellationToken: Ct));

        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));
        Assert.Equal(403, unstarted.ErrorCode);
    }

    [Fact]
    public async Task InlineKeyboard_PressReachesTheBot_AndTheAnswerAndEditReachTheUser()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("B-101", "batch:B-101")], [InlineKeyboardButton.WithCallbackData("Done", "done")]]);

        var sent = await _client.SendMessage(alice.Id, "<b>Pick</b> batches", ParseMode.Html, replyMarkup: keyboard, cancellationToken: Ct);
        var shown = await alice.NextMessageAsync(_bot, cancellationToken: Ct);
        await alice.PressButtonAsync(_bot, shown, "B-101");
        var updates = await _client.GetUpdates(offset: -1, cancellationToken: Ct);
        var press = updates[0].CallbackQuery!;
        await _client.AnswerCallbackQuery(press.Id, "Selected", cancellationToken: Ct);
        await _client.EditMessageText(alice.Id, sent.Id, "Pick batches", replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("✓ B-101", "batch:B-101")]]), cancellationToken: Ct);
        var answer = await alice.NextCallbackAnswerAsync(_bot, cancellationToken: Ct);
        var edited = await alice.NextEditAsync(_bot, cancellationToken: Ct);

        Assert.Equal("Pick batches", shown.Text);
        Assert.Equal("<b>Pick</b> batches", shown.RawText);
        Assert.Equal(BotKeyboardKind.Inline, shown.Keyboard!.Kind);
        Assert.Equal(["B-101", "Done"], shown.Buttons.Select(b => b.Text));
        Assert.Equal(("batch:B-101", sent.Id), (press.Data, press.Message!.Id));
        Assert.Equal("Selected", answer.Text);
        Assert.Equal("✓ B-101", Assert.Single(edited.Buttons).Text);
        Assert.NotNull(edited.EditDate);
    }

    [Fact]
    public async Task EditWithoutChange_IsRefusedAsNotModified()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        var sent = await _client.SendMessage(alice.Id, "same", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.EditMessageText(alice.Id, sent.Id, "same", cancellationToken: Ct));

        Assert.Contains("message is not modified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkdownV2_WithAnUnescapedDot_IsRefusedLikeTelegram()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _client.SendMessage(alice.Id, "Too far (51 m).", ParseMode.MarkdownV2, cancellationToken: Ct));
        await _client.SendMessage(alice.Id, "Too far \\(51 m\\)\\.", ParseMode.MarkdownV2, cancellationToken: Ct);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Too far (51 m).", (await alice.NextMessageAsync(_bot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task ReplyKeyboard_CarriesContactAndLocationRequests()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        var keyboard = new ReplyKeyboardMarkup([[KeyboardButton.WithRequestContact("Share contact")], [KeyboardButton.WithRequestLocation("Send location")]]) { OneTimeKeyboard = true };

        await _client.SendMessage(alice.Id, "Share your contact", replyMarkup: keyboard, cancellationToken: Ct);
        await _client.SendMessage(alice.Id, "Thanks", replyMarkup: new ReplyKeyboardRemove(), cancellationToken: Ct);
        var ask = await alice.NextMessageAsync(_bot, cancellationToken: Ct);
        var thanks = await alice.NextMessageAsync(_bot, cancellationToken: Ct);

        Assert.Equal(BotKeyboardKind.Reply, ask.Keyboard!.Kind);
        Assert.True(ask.Button("contact").RequestContact);
        Assert.True(ask.Button("location").RequestLocation);
        Assert.Equal(BotKeyboardKind.Remove, thanks.Keyboard!.Kind);
    }
}
