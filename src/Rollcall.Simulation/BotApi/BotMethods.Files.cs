using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>sendDocument, sendPhoto and getFile.</summary>
internal static partial class BotMethods
{
    private static JsonObject SendFile(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request, FileType type)
    {
        var chat = OpenChat(emulator, bot, request);
        var name = type == FileType.Photo ? "photo" : "document";
        var file = StoreUpload(emulator, request, name, type);
        var caption = request.String("caption");
        var parseMode = request.String("parse_mode");
        if (caption is not null)
        {
            TelegramLimits.Caption(FormattedText.Display(caption, parseMode));
        }

        var kind = type == FileType.Photo ? BotFileKind.Photo : BotFileKind.Document;
        var view = new BotFile(kind, file.FileId, file.FileName, file.MimeType, file.Bytes);
        return Deliver(emulator, bot, chat, parseMode, request.Json("reply_markup") as JsonObject, view, message =>
        {
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            if (type == FileType.Photo)
            {
                message["photo"] = new JsonArray(new JsonObject
                {
                    ["file_id"] = file.FileId,
                    ["file_unique_id"] = file.FileUniqueId,
                    ["width"] = 320,
                    ["height"] = 320,
                    ["file_size"] = file.Bytes.Length,
                });
            }
            else
            {
                message["document"] = new JsonObject
                {
                    ["file_id"] = file.FileId,
                    ["file_unique_id"] = file.FileUniqueId,
                    ["file_name"] = file.FileName,
                    ["mime_type"] = file.MimeType,
                    ["file_size"] = file.Bytes.Length,
                };
            }
        });
    }

    /// <summary>editMessageMedia with a new photo: the picture, its caption and the keyboard are replaced.</summary>
    private static JsonObject EditMessageMedia(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var media = request.Json("media") as JsonObject ?? throw BotApiError.BadRequest("parameter \"media\" is required");
        if ((string?)media["type"] != "photo")
        {
            throw BotApiError.BadRequest("the emulator edits photos only");
        }

        var reference = (string?)media["media"] ?? throw BotApiError.BadRequest("media is empty");
        var upload = request.Upload(reference.StartsWith("attach://", StringComparison.Ordinal) ? reference["attach://".Length..] : reference)
            ?? throw BotApiError.BadRequest("wrong file identifier/HTTP URL specified");
        TelegramLimits.Upload(FileType.Photo, upload.Bytes.Length);
        var caption = (string?)media["caption"];
        var parseMode = (string?)media["parse_mode"];
        if (caption is not null)
        {
            TelegramLimits.Caption(FormattedText.Display(caption, parseMode));
        }

        var file = emulator.Files.Add(FileType.Photo, upload.FileName, GuessMime(upload.FileName, FileType.Photo), upload.Bytes);
        return Edit(emulator, bot, request, parseMode, keepParseMode: false, message =>
        {
            message["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["width"] = 320,
                ["height"] = 320,
                ["file_size"] = file.Bytes.Length,
            });
            message.Remove("caption");
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        }, new BotFile(BotFileKind.Photo, file.FileId, file.FileName, file.MimeType, file.Bytes));
    }

    /// <summary>An upload becomes a new stored file; a file_id re-sends a stored one.</summary>
    private static StoredFile StoreUpload(BotApiEmulator emulator, BotApiRequest request, string name, FileType type)
    {
        if (request.Upload(name) is { } upload)
        {
            TelegramLimits.Upload(type, upload.Bytes.Length);
            var mime = upload.ContentType is null or "application/octet-stream" ? GuessMime(upload.FileName, type) : upload.ContentType;
            return emulator.Files.Add(type, upload.FileName, mime, upload.Bytes);
        }

        var fileId = request.String(name) ?? throw BotApiError.BadRequest($"there is no {name} in the request");
        return emulator.Files.FindById(fileId) ?? throw BotApiError.BadRequest("wrong file identifier/HTTP URL specified");
    }

    private static JsonObject GetFile(BotApiEmulator emulator, BotApiRequest request)
    {
        var file = emulator.Files.FindById(request.RequireString("file_id")) ?? throw BotApiError.BadRequest("invalid file_id");
        TelegramLimits.Download(file.Bytes.Length);
        return file.FileJson();
    }

    private static string GuessMime(string fileName, FileType type) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".txt" => "text/plain",
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".mp4" => "video/mp4",
        _ => type == FileType.Photo ? "image/jpeg" : "application/octet-stream",
    };
}
