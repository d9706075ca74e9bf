using System.Threading.Channels;
using Rollcall.Simulation;
using Rollcall.Simulation.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>What users send (contacts, locations, media) and what bots upload, delete and retry, through Telegram.Bot.</summary>
public sealed class BotApiEmulatorInputTests : IAsyncLifetime
{
    private readonly BotApiEmulator _emulator = new();
    private EmulatedBot _bot = null!;
    private TelegramBotClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.StartAsync(Ct);
        _bot = _emulator.AddBot("2222:student-secret", "rollcall_student_bot");
        _client = new TelegramBotClient(new TelegramBotClientOptions(_bot.Token, _emulator.BaseUrl));
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Contact_CarriesTheSendersIdOnlyWhenItIsTheirOwn()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.ShareContactAsync(_bot, "+998901234567");
        await alice.ShareContactAsync(_bot, "+998907654321", ownContact: false, otherUserId: 555);

        var updates = await _client.GetUpdates(cancellationToken: Ct);

        Assert.Equal(("+998901234567", alice.Id), (updates[0].Message!.Contact!.PhoneNumber, updates[0].Message!.Contact!.UserId));
        Assert.Equal(555, updates[1].Message!.Contact!.UserId);
    }

    [Fact]
    public async Task LiveLocation_IsLiveAndItsMovesArriveAsEditedMessages()
    {
        var alice = _emulator.CreateUser("Alice");
        var live = await alice.SendLocationAsync(_bot, 41.3111, 69.2797, horizontalAccuracy: 12, livePeriod: 900);
        await alice.EditLiveLocationAsync(_bot, live, 41.3112, 69.2798);

        var updates = await _client.GetUpdates(cancellationToken: Ct);

        Assert.Equal(900, updates[0].Message!.Location!.LivePeriod);
        Assert.Equal(12, updates[0].Message!.Location!.HorizontalAccuracy);
        Assert.Equal(UpdateType.EditedMessage, updates[1].Type);
        Assert.Equal((live.MessageId, 41.3112), (updates[1].EditedMessage!.Id, updates[1].EditedMessage!.Location!.Latitude));
    }

    [Fact]
    public async Task VideoNote_CanBeFetchedWithGetFileAndDownloaded()
    {
        var alice = _emulator.CreateUser("Alice");
        byte[] video = [0, 0, 0, 24, 102, 116, 121, 112, 1, 2, 3];
        await alice.SendVideoNoteAsync(_bot, video, duration: 4);
        await alice.SendVideoNoteAsync(_bot, video, forwarded: true);

        var updates = await _client.GetUpdates(cancellationToken: Ct);
        var note = updates[0].Message!.VideoNote!;
        var file = await _client.GetFile(note.FileId, Ct);
        using var downloaded = new MemoryStream();
        await _client.DownloadFile(file, downloaded, Ct);

        Assert.Equal(4, note.Duration);
        Assert.Equal(video, downloaded.ToArray());
        Assert.Null(updates[0].Message!.ForwardOrigin);
        Assert.NotNull(updates[1].Message!.ForwardOrigin);
    }

    [Fact]
    public async Task SendDocument_UploadsBytesAndFileNameByMultipart()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        var csv = "id,name,status\nST-001,Alice,present\n"u8.ToArray();

        await _client.SendDocument(alice.Id, InputFile.FromStream(new MemoryStream(csv), "report.csv"), caption: "Report", cancellationToken: Ct);
        var received = await alice.NextMessageAsync(_bot, cancellationToken: Ct);

        Assert.Equal("Report", received.Text);
        Assert.Equal((BotFileKind.Document, "report.csv", "text/csv"), (received.File!.Kind, received.File.FileName, received.File.MimeType));
        Assert.Equal(csv, received.File.Bytes);
    }

    [Fact]
    public async Task DeleteMessage_RemovesTheUsersPasswordMessage()
    {
        var alice = _emulator.CreateUser("Alice");
        var password = await alice.SendTextAsync(_bot, "s3cret");

        await _client.DeleteMessage(alice.Id, password.MessageId, Ct);
        var deleted = await alice.NextDeletionAsync(_bot, cancellationToken: Ct);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => _client.DeleteMessage(alice.Id, password.MessageId, Ct));

        Assert.Equal(password.MessageId, deleted);
        Assert.Contains(password.MessageId, alice.DeletedMessageIds(_bot));
        Assert.Equal(400, again.ErrorCode);
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfter()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        var noRetries = new TelegramBotClient(new TelegramBotClientOptions(_bot.Token, _emulator.BaseUrl) { RetryThreshold = 0 });
        _bot.FailNext("sendMessage", BotApiFault.TooManyRequests(7));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => noRetries.SendMessage(alice.Id, "hi", cancellationToken: Ct));
        await noRetries.SendMessage(alice.Id, "hi", cancellationToken: Ct);

        Assert.Equal((429, 7), (error.ErrorCode, error.Parameters!.RetryAfter));
        Assert.Equal("hi", (await alice.NextMessageAsync(_bot, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task TooManyRequests_WithinTheClientsThreshold_IsRetriedByTelegramBot()
    {
        var alice = _emulator.CreateUser("Alice");
        await alice.SendCommandAsync(_bot, "/start");
        _bot.FailNext("sendMessage", BotApiFault.TooManyRequests(0));
        _bot.FailNext("getMe", BotApiFault.ServerError(), count: 1);

        await _client.SendMessage(alice.Id, "hi", cancellationToken: Ct);
        var serverError = await Assert.ThrowsAsync<ApiRequestException>(() => _client.GetMe(Ct));

        Assert.Equal(2, _bot.CallCount("sendMessage"));
        Assert.Equal(502, serverError.ErrorCode);
    }

    [Fact]
    public async Task StartReceiving_DeliversUpdatesInOrder_AcrossLongPolls()
    {
        var alice = _emulator.CreateUser("Alice");
        var seen = Channel.CreateUnbounded<Update>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        _client.StartReceiving(
            (_, update, _) => seen.Writer.WriteAsync(update, Ct).AsTask(),
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { AllowedUpdates = [] },
            stop.Token);

        await alice.SendCommandAsync(_bot, "/start");
        await alice.SendTextAsync(_bot, "ST-001");
        var first = await seen.Reader.NextAsync(null, "first update", Ct);
        var second = await seen.Reader.NextAsync(null, "second update", Ct);
        await alice.SendTextAsync(_bot, "123456");
        var third = await seen.Reader.NextAsync(null, "third update", Ct);
        await stop.CancelAsync();

        Assert.Equal(["/start", "ST-001", "123456"], new[] { first, second, third }.Select(u => u.Message!.Text));
        Assert.Equal([first.Id + 1, first.Id + 2], new[] { second.Id, third.Id });
    }

    [Fact]
    public async Task GroupMessages_ArriveWithTheGroupChat()
    {
        var alice = _emulator.CreateUser("Alice");
        var inGroup = await alice.SendFromGroupAsync(_bot, "/start", "supergroup");
        var inChannel = await alice.SendFromGroupAsync(_bot, "news", "channel");

        var updates = await _client.GetUpdates(cancellationToken: Ct);
        await _client.SendMessage(inGroup.ChatId, "Private chats only", cancellationToken: Ct);

        Assert.Equal((ChatType.Supergroup, inGroup.ChatId), (updates[0].Message!.Chat.Type, updates[0].Message!.Chat.Id));
        Assert.Equal(ChatType.Channel, updates[1].ChannelPost!.Chat.Type);
        Assert.True(inChannel.ChatId < 0);
        Assert.Equal("Private chats only", (await _emulator.NextMessageInChatAsync(_bot, inGroup.ChatId, cancellationToken: Ct)).Text);
    }
}
