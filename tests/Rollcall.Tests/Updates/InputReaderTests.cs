using Rollcall.Telegram.Updates;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Rollcall.Tests.Updates;

public sealed class InputReaderTests
{
    private static readonly User Sender = new() { Id = 100, FirstName = "Asha" };

    [Fact]
    public void ContactOfAnotherUser_IsNotOwn()
    {
        var input = Read(new Message { Contact = new Contact { PhoneNumber = "+919876543210", FirstName = "X", UserId = 999 } });

        Assert.Equal(new BotInput.Contact("+919876543210", IsOwn: false), input);
    }

    [Fact]
    public void LiveLocation_IsLive_AndAForwardedOneIsNot()
    {
        var live = Read(new Message { Location = new Location { Latitude = 1, Longitude = 2, LivePeriod = 900, HorizontalAccuracy = 8 } });
        var forwarded = Read(new Message
        {
            Location = new Location { Latitude = 1, Longitude = 2, LivePeriod = 900 },
            ForwardOrigin = new MessageOriginUser { SenderUser = new User { Id = 5, FirstName = "B" } },
        });

        Assert.True(Assert.IsType<BotInput.Location>(live).Point.IsLive);
        Assert.Equal(8, ((BotInput.Location)live).Point.AccuracyMetres);
        var refused = Assert.IsType<BotInput.Location>(forwarded);
        Assert.False(refused.Point.IsLive);
        Assert.True(refused.Forwarded);
    }

    [Fact]
    public void ForwardedVideoNote_IsFlagged()
    {
        var input = Read(new Message
        {
            VideoNote = new VideoNote { FileId = "f", FileUniqueId = "u", Duration = 5, Length = 240 },
            ForwardOrigin = new MessageOriginHiddenUser { SenderUserName = "someone" },
        });

        Assert.True(Assert.IsType<BotInput.VideoNote>(input).Forwarded);
    }

    [Fact]
    public void CommandWithBotName_IsReadAsTheCommand() =>
        Assert.Equal(new BotInput.Command("start", ""), Read(new Message { Text = "/start@RollcallBot" }));

    [Fact]
    public void GroupChat_IsNotPrivate()
    {
        var update = new Update { Id = 1, Message = new Message { Text = "/start", From = Sender, Chat = new Chat { Id = -5, Type = ChatType.Group } } };

        Assert.IsType<BotInput.NotPrivateChat>(InputReader.Read(update)?.Input);
    }

    private static BotInput? Read(Message message)
    {
        message.From = Sender;
        message.Chat = new Chat { Id = 100, Type = ChatType.Private };
        return InputReader.Read(new Update { Id = 1, Message = message })?.Input;
    }
}
