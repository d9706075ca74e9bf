using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>The Bot API methods the emulator implements; each returns the "result" JSON or throws <see cref="BotApiError"/>.</summary>
internal static partial class BotMethods
{
    public static async Task<JsonNode?> InvokeAsync(BotApiEmulator emulator, EmulatedBot bot, string method, BotApiRequest request, CancellationToken cancellationToken) =>
        method.ToLowerInvariant() switch
        {
            "getme" => GetMe(bot),
            "getupdates" => await GetUpdatesAsync(bot, request, cancellationToken),
            "setwebhook" => await SetWebhookAsync(emulator, bot, request),
            "deletewebhook" => await DeleteWebhookAsync(bot, request),
            "getwebhookinfo" => GetWebhookInfo(bot),
            "sendmessage" => SendMessage(emulator, bot, request),
            "editmessagetext" => EditMessageText(emulator, bot, request),
            "editmessagereplymarkup" => EditMessageReplyMarkup(emulator, bot, request),
            "editmessagecaption" => EditMessageCaption(emulator, bot, request),
            "editmessagemedia" => EditMessageMedia(emulator, bot, request),
            "answercallbackquery" => AnswerCallbackQuery(emulator, request),
            "deletemessage" => DeleteMessage(emulator, bot, request),
            "senddocument" => SendFile(emulator, bot, request, FileType.Document),
            "sendphoto" => SendFile(emulator, bot, request, FileType.Photo),
            "getfile" => GetFile(emulator, request),
            "setmycommands" => SetMyCommands(bot, request),
            "getmycommands" => GetMyCommands(bot),
            "deletemycommands" => DeleteMyCommands(bot),
            "sendchataction" => SendChatAction(emulator, bot, request),
            _ => throw new BotApiError(404, "Not Found"),
        };

    private static JsonObject GetMe(EmulatedBot bot)
    {
        var me = bot.UserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private static JsonValue SetMyCommands(EmulatedBot bot, BotApiRequest request)
    {
        var commands = request.Json("commands") as JsonArray ?? throw BotApiError.BadRequest("parameter \"commands\" is required");
        if (commands.Count > TelegramLimits.Commands)
        {
            throw BotApiError.BadRequest("BOT_COMMANDS_TOO_MUCH");
        }

        bot.SetCommands([.. commands.Select(c => TelegramLimits.Command(
            c?["command"]?.GetValue<string>() ?? throw BotApiError.BadRequest("command is empty"),
            c["description"]?.GetValue<string>() ?? throw BotApiError.BadRequest("command description must be non-empty")))]);
        return JsonValue.Create(true);
    }

    private static JsonArray GetMyCommands(EmulatedBot bot) =>
        [.. bot.Commands.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })];

    private static JsonValue DeleteMyCommands(EmulatedBot bot)
    {
        bot.SetCommands([]);
        return JsonValue.Create(true);
    }

    private static JsonValue SendChatAction(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        OpenChat(emulator, bot, request);
        request.RequireString("action");
        return JsonValue.Create(true);
    }

    /// <summary>The chat a bot writes to: known, and (for private chats) started by the user.</summary>
    private static ChatState OpenChat(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var chat = emulator.FindChat(bot, request.ChatId()) ?? throw BotApiError.ChatNotFound();
        return chat.Started ? chat : throw new BotApiError(403, "Forbidden: bot can't initiate conversation with a user");
    }
}
