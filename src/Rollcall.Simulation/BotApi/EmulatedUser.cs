using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>A simulated Telegram user: sends messages to bots and reads what the bots answer.</summary>
public sealed partial class EmulatedUser
{
    private readonly BotApiEmulator _emulator;

    internal EmulatedUser(BotApiEmulator emulator, long id, string firstName, string? lastName, string? username)
    {
        _emulator = emulator;
        Id = id;
        FirstName = firstName;
        LastName = lastName;
        Username = username;
    }

    public long Id { get; }

    public string FirstName { get; }

    public string? LastName { get; }

    public string? Username { get; }

    public Task<UserMessage> SendTextAsync(EmulatedBot bot, string text) =>
        SendAsync(bot, message => message["text"] = text);

    /// <summary>Sends a command such as "/start" or "/start payload", marked with a bot_command entity.</summary>
    public Task<UserMessage> SendCommandAsync(EmulatedBot bot, string command)
    {
        var length = command.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : command.Length;
        return SendAsync(bot, message =>
        {
            message["text"] = command;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        });
    }

    /// <summary>Shares a contact: the user's own (the Share Contact button) or, with <paramref name="ownContact"/> false, someone else's.</summary>
    public Task<UserMessage> ShareContactAsync(EmulatedBot bot, string phoneNumber, bool ownContact = true, long? otherUserId = null) =>
        SendAsync(bot, message =>
        {
            var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = ownContact ? FirstName : "Someone" };
            var userId = ownContact ? Id : otherUserId;
            if (userId is not null)
            {
                contact["user_id"] = userId;
            }

            message["contact"] = contact;
        });

    /// <summary>Sends a location: a static pin, or a live location when <paramref name="livePeriod"/> (seconds) is set.</summary>
    public Task<UserMessage> SendLocationAsync(EmulatedBot bot, double latitude, double longitude, double? horizontalAccuracy = null, int? livePeriod = null) =>
        SendAsync(bot, message => message["location"] = Location(latitude, longitude, horizontalAccuracy, livePeriod));

    /// <summary>Forwards someone else's location (Telegram forwards a live location as it stands, with its live_period).</summary>
    public Task<UserMessage> ForwardLocationAsync(EmulatedBot bot, double latitude, double longitude, double? horizontalAccuracy = null, int? livePeriod = null) =>
        SendAsync(bot, message =>
        {
            message["location"] = Location(latitude, longitude, horizontalAccuracy, livePeriod);
            message["forward_origin"] = ForwardOrigin("Someone Else");
        });

    /// <summary>Moves a live location: the bot gets an edited_message with the same message id.</summary>
    public Task<UserMessage> EditLiveLocationAsync(EmulatedBot bot, UserMessage liveLocation, double latitude, double longitude, double? horizontalAccuracy = null)
    {
        var chat = _emulator.PrivateChat(bot, this);
        var message = chat.Find(liveLocation.MessageId) ?? throw new InvalidOperationException($"Message {liveLocation.MessageId} does not exist.");
        var livePeriod = (int?)message["location"]?["live_period"] ?? throw new InvalidOperationException("Only a live location can be moved.");
        message["location"] = Location(latitude, longitude, horizontalAccuracy, livePeriod);
        message["edit_date"] = _emulator.UnixNow();
        chat.Replace(liveLocation.MessageId, message);
        var updateId = bot.Updates.Add("edited_message", message);
        return Task.FromResult(liveLocation with { UpdateId = updateId });
    }

    /// <summary>
    /// Stops sharing a live location: the edited_message's location has no live_period any more (Telegram sends it
    /// "for active live locations only"), at the point given.
    /// </summary>
    public Task<UserMessage> StopLiveLocationAsync(EmulatedBot bot, UserMessage liveLocation, double latitude, double longitude, double? horizontalAccuracy = null)
    {
        var chat = _emulator.PrivateChat(bot, this);
        var message = chat.Find(liveLocation.MessageId) ?? throw new InvalidOperationException($"Message {liveLocation.MessageId} does not exist.");
        message["location"] = Location(latitude, longitude, horizontalAccuracy, livePeriod: null);
        message["edit_date"] = _emulator.UnixNow();
        chat.Replace(liveLocation.MessageId, message);
        return Task.FromResult(liveLocation with { UpdateId = bot.Updates.Add("edited_message", message) });
    }

    /// <summary>Edits a text already sent: the bot gets an edited_message with the same message id and the new text.</summary>
    public Task<UserMessage> EditTextAsync(EmulatedBot bot, UserMessage sent, string text)
    {
        var chat = _emulator.PrivateChat(bot, this);
        var message = chat.Find(sent.MessageId) ?? throw new InvalidOperationException($"Message {sent.MessageId} does not exist.");
        message["text"] = text;
        message["edit_date"] = _emulator.UnixNow();
        chat.Replace(sent.MessageId, message);
        return Task.FromResult(sent with { UpdateId = bot.Updates.Add("edited_message", message) });
    }

    /// <summary>Forwards a text from another user, so the message carries forward_origin.</summary>
    public Task<UserMessage> ForwardTextAsync(EmulatedBot bot, string text, string originalSender = "Someone Else") =>
        SendAsync(bot, message =>
        {
            message["text"] = text;
            message["forward_origin"] = ForwardOrigin(originalSender);
        });

    /// <summary>Writes in a group, supergroup or channel ("group", "supergroup", "channel") where the bot is a member; returns the message with the new chat's id.</summary>
    public Task<UserMessage> SendFromGroupAsync(EmulatedBot bot, string text, string chatType = "group", string title = "Class chat")
    {
        var chat = _emulator.NewGroupChat(bot, title, chatType);
        var message = chat.Add(id =>
        {
            var json = new JsonObject { ["message_id"] = id, ["chat"] = chat.ChatJson(), ["date"] = _emulator.UnixNow(), ["text"] = text };
            if (chatType == "channel")
            {
                json["sender_chat"] = chat.ChatJson();
            }
            else
            {
                json["from"] = UserJson();
            }

            return json;
        });
        var updateId = bot.Updates.Add(chatType == "channel" ? "channel_post" : "message", message);
        return Task.FromResult(new UserMessage(chat.ChatId, (int)message["message_id"]!, updateId));
    }

    internal JsonObject UserJson()
    {
        var user = new JsonObject { ["id"] = Id, ["is_bot"] = false, ["first_name"] = FirstName, ["language_code"] = "en" };
        if (LastName is not null)
        {
            user["last_name"] = LastName;
        }

        if (Username is not null)
        {
            user["username"] = Username;
        }

        return user;
    }

    internal JsonObject ChatJson()
    {
        var chat = new JsonObject { ["id"] = Id, ["type"] = "private", ["first_name"] = FirstName };
        if (LastName is not null)
        {
            chat["last_name"] = LastName;
        }

        return chat;
    }

    /// <summary>Adds a message from this user to the private chat with the bot and queues the update.</summary>
    private Task<UserMessage> SendAsync(EmulatedBot bot, Action<JsonObject> fill)
    {
        var chat = _emulator.PrivateChat(bot, this);
        chat.Started = true;
        var message = chat.Add(id =>
        {
            var json = new JsonObject { ["message_id"] = id, ["from"] = UserJson(), ["chat"] = chat.ChatJson(), ["date"] = _emulator.UnixNow() };
            fill(json);
            return json;
        });
        var updateId = bot.Updates.Add("message", message);
        return Task.FromResult(new UserMessage(Id, (int)message["message_id"]!, updateId));
    }

    private JsonObject ForwardOrigin(string senderName) => new()
    {
        ["type"] = "hidden_user",
        ["date"] = _emulator.UnixNow() - 3600,
        ["sender_user_name"] = senderName,
    };

    private static JsonObject Location(double latitude, double longitude, double? horizontalAccuracy, int? livePeriod)
    {
        var location = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        if (horizontalAccuracy is not null)
        {
            location["horizontal_accuracy"] = horizontalAccuracy;
        }

        if (livePeriod is not null)
        {
            location["live_period"] = livePeriod;
        }

        return location;
    }
}
