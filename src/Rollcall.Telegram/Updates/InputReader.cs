using Rollcall.Geofence;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Rollcall.Telegram.Updates;

/// <summary>Turns a Telegram update into an <see cref="Inbound"/>; forwarded media, others' contacts and static pins are recognised here.</summary>
public static class InputReader
{
    /// <summary>Null when the update carries nothing to answer (no sender, no chat).</summary>
    public static Inbound? Read(Update update)
    {
        if (update.CallbackQuery is { } callback)
        {
            if (callback.Message is not { } origin)
            {
                return null;
            }

            var input = origin.Chat.Type == ChatType.Private
                ? new BotInput.Callback(callback.Data ?? "", origin.MessageId, callback.Id)
                : (BotInput)new BotInput.NotPrivateChat();
            return new Inbound(update.Id, origin.Chat.Id, callback.From.Id, null, input);
        }

        if (update.EditedMessage is { From: { } editor, Location: { } fix } edited && edited.Chat.Type == ChatType.Private)
        {
            // A live location's later fix; any other edit (a corrected text) asks for no answer.
            var point = new GeoPoint(fix.Latitude, fix.Longitude, fix.HorizontalAccuracy, fix.LivePeriod is > 0);
            return new Inbound(update.Id, edited.Chat.Id, editor.Id, edited.MessageId, new BotInput.Location(point, Forwarded: false, Edited: true));
        }

        if (update.Message is not { From: { } from } message)
        {
            return null;
        }

        var read = message.Chat.Type == ChatType.Private ? ReadMessage(message, from.Id) : new BotInput.NotPrivateChat();
        return new Inbound(update.Id, message.Chat.Id, from.Id, message.MessageId, read);
    }

    private static BotInput ReadMessage(Message message, long senderId)
    {
        var forwarded = message.ForwardOrigin is not null || message.ForwardDate is not null || message.IsAutomaticForward;
        if (message.Text is { } text)
        {
            return text.StartsWith('/') && !forwarded ? ReadCommand(text) : new BotInput.Text(text.Trim());
        }

        if (message.Contact is { } contact)
        {
            return new BotInput.Contact(contact.PhoneNumber, !forwarded && contact.UserId == senderId);
        }

        if (message.Location is { } location)
        {
            var live = location.LivePeriod is > 0 && !forwarded;
            return new BotInput.Location(new GeoPoint(location.Latitude, location.Longitude, location.HorizontalAccuracy, live), forwarded);
        }

        if (message.VideoNote is { } note)
        {
            return new BotInput.VideoNote(note.FileId, note.FileUniqueId, note.FileSize, note.Duration, forwarded);
        }

        return message switch
        {
            { Photo: not null } => new BotInput.OtherMedia("photo"),
            { Video: not null } => new BotInput.OtherMedia("video"),
            { Animation: not null } => new BotInput.OtherMedia("animation"),
            { Document: not null } => new BotInput.OtherMedia("document"),
            _ => new BotInput.Unsupported(),
        };
    }

    private static BotInput.Command ReadCommand(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return new BotInput.Command(name, space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
