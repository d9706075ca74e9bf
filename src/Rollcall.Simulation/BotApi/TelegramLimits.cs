namespace Rollcall.Simulation.BotApi;

/// <summary>
/// Telegram's limits on what a bot sends, refused with Telegram's own answers, so that a test meets them as a real bot
/// would (core.telegram.org/bots/api: sendMessage, sendPhoto, sendDocument, getFile, InlineKeyboardButton, BotCommand).
/// </summary>
internal static class TelegramLimits
{
    /// <summary>Characters of a message's text after entity parsing.</summary>
    public const int MessageLength = 4096;

    public const int CaptionLength = 1024;

    public const int CallbackDataBytes = 64;

    /// <summary>Characters of the text of answerCallbackQuery's notification.</summary>
    public const int CallbackAnswerLength = 200;

    public const int InlineButtons = 100;

    public const int Commands = 100;

    public const int CommandLength = 32;

    public const int CommandDescriptionLength = 256;

    /// <summary>Uploads by multipart: photos up to 10 MB, other files up to 50 MB; getFile serves up to 20 MB.</summary>
    public const long PhotoUploadBytes = 10L * 1024 * 1024;

    public const long FileUploadBytes = 50L * 1024 * 1024;

    public const long DownloadBytes = 20L * 1024 * 1024;

    public static string Text(string displayed) =>
        displayed.Length > MessageLength ? throw BotApiError.BadRequest("message is too long") : displayed;

    public static string Caption(string displayed) =>
        displayed.Length > CaptionLength ? throw BotApiError.BadRequest("message caption is too long") : displayed;

    public static void CallbackData(string data)
    {
        if (data.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(data) > CallbackDataBytes)
        {
            throw BotApiError.BadRequest("BUTTON_DATA_INVALID");
        }
    }

    public static void CallbackAnswer(string? text)
    {
        if (text?.Length > CallbackAnswerLength)
        {
            throw BotApiError.BadRequest("MESSAGE_TOO_LONG");
        }
    }

    /// <summary>An upload over its limit, refused before the bot API sees it, as Telegram's front end does.</summary>
    public static void Upload(FileType type, long bytes)
    {
        if (bytes > (type == FileType.Photo ? PhotoUploadBytes : FileUploadBytes))
        {
            throw new BotApiError(413, "Request Entity Too Large");
        }
    }

    public static void Download(long bytes)
    {
        if (bytes > DownloadBytes)
        {
            throw BotApiError.BadRequest("file is too big");
        }
    }

    public static BotCommandEntry Command(string command, string description)
    {
        if (command.Length is 0 or > CommandLength || !command.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw BotApiError.BadRequest("BOT_COMMAND_INVALID");
        }

        return description.Length switch
        {
            0 => throw BotApiError.BadRequest("command description must be non-empty"),
            > CommandDescriptionLength => throw BotApiError.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID"),
            _ => new BotCommandEntry(command, description),
        };
    }
}
