using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>Turns a bot's message JSON and markup into the <see cref="BotMessage"/> a test reads.</summary>
internal static class MessageViews
{
    public static BotMessage FromBot(JsonObject message, string? parseMode, JsonObject? markup, BotFile? file)
    {
        var raw = (string?)message["text"] ?? (string?)message["caption"];
        return new BotMessage(
            (int)message["message_id"]!,
            (long)message["chat"]!["id"]!,
            raw is null ? null : FormattedText.Display(raw, parseMode),
            raw,
            parseMode,
            Keyboard(markup),
            file,
            DateTimeOffset.FromUnixTimeSeconds((long)message["date"]!),
            message["edit_date"] is { } edited ? DateTimeOffset.FromUnixTimeSeconds((long)edited) : null);
    }

    /// <summary>Telegram echoes only inline keyboards in the returned message.</summary>
    public static void AttachInlineMarkup(JsonObject message, JsonObject? markup)
    {
        message.Remove("reply_markup");
        if (markup?["inline_keyboard"] is not null)
        {
            message["reply_markup"] = markup.DeepClone();
        }
    }

    public static BotKeyboard? Keyboard(JsonObject? markup)
    {
        if (markup is null)
        {
            return null;
        }

        if (markup["inline_keyboard"] is JsonArray inline)
        {
            var rows = Rows(inline);
            if (rows.Sum(row => row.Count) > TelegramLimits.InlineButtons)
            {
                throw BotApiError.BadRequest("REPLY_MARKUP_TOO_LONG");
            }

            foreach (var data in rows.SelectMany(row => row).Select(b => b.CallbackData).OfType<string>())
            {
                TelegramLimits.CallbackData(data);
            }

            return new BotKeyboard(BotKeyboardKind.Inline, rows);
        }

        if (markup["keyboard"] is JsonArray reply)
        {
            return new BotKeyboard(BotKeyboardKind.Reply, Rows(reply), (bool?)markup["one_time_keyboard"] ?? false);
        }

        if ((bool?)markup["remove_keyboard"] == true)
        {
            return new BotKeyboard(BotKeyboardKind.Remove, []);
        }

        return (bool?)markup["force_reply"] == true
            ? new BotKeyboard(BotKeyboardKind.ForceReply, [])
            : throw BotApiError.BadRequest("can't parse reply keyboard markup JSON object");
    }

    private static List<IReadOnlyList<BotButton>> Rows(JsonArray rows) =>
        [.. rows.Select(row => (IReadOnlyList<BotButton>)[.. (row as JsonArray ?? throw BotApiError.BadRequest("keyboard row must be an array")).Select(Button)])];

    private static BotButton Button(JsonNode? button) => button switch
    {
        JsonValue text => new BotButton((string?)text ?? ""),
        JsonObject b => new BotButton(
            (string?)b["text"] ?? throw BotApiError.BadRequest("text buttons are unallowed in the inline keyboard"),
            (string?)b["callback_data"],
            (string?)b["url"],
            (bool?)b["request_contact"] ?? false,
            (bool?)b["request_location"] ?? false),
        _ => throw BotApiError.BadRequest("can't parse keyboard button"),
    };
}
