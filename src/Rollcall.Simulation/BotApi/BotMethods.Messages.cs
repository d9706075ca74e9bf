using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>Sending, editing and deleting messages, and answering button presses.</summary>
internal static partial class BotMethods
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private static JsonObject SendMessage(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var chat = OpenChat(emulator, bot, request);
        var text = request.String("text") is { Length: > 0 } t ? t : throw BotApiError.BadRequest("message text is empty");
        var parseMode = request.String("parse_mode");
        TelegramLimits.Text(FormattedText.Display(text, parseMode));
        return Deliver(emulator, bot, chat, parseMode, request.Json("reply_markup") as JsonObject, null, message => message["text"] = text);
    }

    /// <summary>Stores a bot message, hands its view to the user's inbox and returns its JSON.</summary>
    private static JsonObject Deliver(BotApiEmulator emulator, EmulatedBot bot, ChatState chat, string? parseMode, JsonObject? markup, BotFile? file, Action<JsonObject> fill)
    {
        var keyboard = MessageViews.Keyboard(markup);
        var message = chat.Add(id =>
        {
            var json = new JsonObject
            {
                ["message_id"] = id,
                ["from"] = bot.UserJson(),
                ["chat"] = chat.ChatJson(),
                ["date"] = emulator.UnixNow(),
            };
            fill(json);
            MessageViews.AttachInlineMarkup(json, markup);
            return json;
        });
        var view = MessageViews.FromBot(message, parseMode, markup, file) with { Keyboard = keyboard };
        chat.SetBotView(view);
        chat.Messages.Writer.TryWrite(view);
        return message;
    }

    private static JsonObject EditMessageText(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var text = request.String("text") is { Length: > 0 } t ? t : throw BotApiError.BadRequest("message text is empty");
        var parseMode = request.String("parse_mode");
        TelegramLimits.Text(FormattedText.Display(text, parseMode));
        return Edit(emulator, bot, request, parseMode, keepParseMode: false, message => message["text"] = text);
    }

    private static JsonObject EditMessageCaption(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var caption = request.String("caption") ?? "";
        var parseMode = request.String("parse_mode");
        TelegramLimits.Caption(FormattedText.Display(caption, parseMode));
        return Edit(emulator, bot, request, parseMode, keepParseMode: false, message =>
        {
            if (message["photo"] is null && message["document"] is null)
            {
                throw BotApiError.BadRequest("there is no caption in the message to edit");
            }

            message["caption"] = caption;
        });
    }

    private static JsonObject EditMessageReplyMarkup(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request) =>
        Edit(emulator, bot, request, null, keepParseMode: true, _ => { });

    /// <summary>Edits a bot's own message; a missing reply_markup removes the inline keyboard, as in Telegram.</summary>
    private static JsonObject Edit(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request, string? parseMode, bool keepParseMode, Action<JsonObject> change,
        BotFile? newFile = null)
    {
        var chat = OpenChat(emulator, bot, request);
        var messageId = (int)(request.Long("message_id") ?? throw BotApiError.BadRequest("message identifier is not specified"));
        var message = chat.Find(messageId) ?? throw BotApiError.BadRequest("message to edit not found");
        var old = chat.BotView(messageId) ?? throw BotApiError.BadRequest("message can't be edited");
        var markup = request.Json("reply_markup") as JsonObject;
        MessageViews.Keyboard(markup);
        var before = message.ToJsonString();
        change(message);
        MessageViews.AttachInlineMarkup(message, markup);
        if (message.ToJsonString() == before)
        {
            throw BotApiError.BadRequest(NotModified);
        }

        message["edit_date"] = emulator.UnixNow();
        chat.Replace(messageId, message);
        var view = MessageViews.FromBot(message, keepParseMode ? old.ParseMode : parseMode, markup, newFile ?? old.File);
        chat.SetBotView(view);
        chat.Edits.Writer.TryWrite(view);
        return message;
    }

    private static JsonValue DeleteMessage(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var chat = OpenChat(emulator, bot, request);
        var messageId = (int)(request.Long("message_id") ?? throw BotApiError.BadRequest("message identifier is not specified"));
        return chat.Delete(messageId) ? JsonValue.Create(true) : throw BotApiError.BadRequest("message to delete not found");
    }

    private static JsonValue AnswerCallbackQuery(BotApiEmulator emulator, BotApiRequest request)
    {
        var id = request.RequireString("callback_query_id");
        TelegramLimits.CallbackAnswer(request.String("text"));
        var chat = emulator.FindCallbackQuery(id)
            ?? throw BotApiError.BadRequest("query is too old and response timeout expired or query ID is invalid");
        chat.Answers.Writer.TryWrite(new CallbackAnswer(id, request.String("text"), request.Bool("show_alert")));
        return JsonValue.Create(true);
    }
}
