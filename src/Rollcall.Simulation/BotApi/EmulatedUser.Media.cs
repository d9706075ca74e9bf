using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>Media a user sends: the file is stored so that the bot can getFile and download it.</summary>
public sealed partial class EmulatedUser
{
    private StoredFile? _lastVideoNote;

    /// <summary>
    /// Sends a round video note; <paramref name="forwarded"/> marks it as forwarded from someone else, and
    /// <paramref name="declaredSize"/> puts another file_size in the message than the bytes have (a file too big to attach here).
    /// </summary>
    public Task<UserMessage> SendVideoNoteAsync(EmulatedBot bot, byte[] bytes, int duration = 5, int length = 384, bool forwarded = false, long? declaredSize = null)
    {
        _lastVideoNote = _emulator.Files.Add(FileType.VideoNote, "video_note.mp4", "video/mp4", bytes);
        return SendVideoNoteAsync(bot, _lastVideoNote, duration, length, forwarded, declaredSize);
    }

    /// <summary>Sends this user's last video note again, as Telegram does for a saved file: same file_id and file_unique_id.</summary>
    public Task<UserMessage> ResendLastVideoNoteAsync(EmulatedBot bot, int duration = 5) =>
        SendVideoNoteAsync(bot, _lastVideoNote ?? throw new InvalidOperationException("No video note was sent yet."), duration, 384, forwarded: false, declaredSize: null);

    private Task<UserMessage> SendVideoNoteAsync(EmulatedBot bot, StoredFile file, int duration, int length, bool forwarded, long? declaredSize)
    {
        var bytes = file.Bytes;
        return SendAsync(bot, message =>
        {
            message["video_note"] = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["length"] = length,
                ["duration"] = duration,
                ["file_size"] = declaredSize ?? bytes.Length,
            };
            if (forwarded)
            {
                message["forward_origin"] = ForwardOrigin("Someone Else");
            }
        });
    }

    /// <summary>Sends an ordinary video (not a video note).</summary>
    public Task<UserMessage> SendVideoAsync(EmulatedBot bot, byte[] bytes, int duration = 5, int width = 640, int height = 480, string fileName = "video.mp4")
    {
        var file = _emulator.Files.Add(FileType.Video, fileName, "video/mp4", bytes);
        return SendAsync(bot, message => message["video"] = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["width"] = width,
            ["height"] = height,
            ["duration"] = duration,
            ["file_name"] = fileName,
            ["mime_type"] = "video/mp4",
            ["file_size"] = bytes.Length,
        });
    }

    public Task<UserMessage> SendPhotoAsync(EmulatedBot bot, byte[] bytes, int width = 640, int height = 480, string? caption = null)
    {
        var file = _emulator.Files.Add(FileType.Photo, "photo.jpg", "image/jpeg", bytes);
        return SendAsync(bot, message =>
        {
            message["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["width"] = width,
                ["height"] = height,
                ["file_size"] = bytes.Length,
            });
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        });
    }

    public Task<UserMessage> SendDocumentAsync(EmulatedBot bot, byte[] bytes, string fileName, string mimeType = "application/octet-stream")
    {
        var file = _emulator.Files.Add(FileType.Document, fileName, mimeType, bytes);
        return SendAsync(bot, message => message["document"] = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_size"] = bytes.Length,
        });
    }

    /// <summary>Sends a sticker (a 512x512 WebP, neither animated nor video), as a student pasting stickers would.</summary>
    public Task<UserMessage> SendStickerAsync(EmulatedBot bot, byte[] bytes, string emoji = "\U0001F600")
    {
        var file = _emulator.Files.Add(FileType.Document, "sticker.webp", "image/webp", bytes);
        return SendAsync(bot, message => message["sticker"] = new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = emoji,
            ["file_size"] = bytes.Length,
        });
    }
}
