using Rollcall.Geofence;

namespace Rollcall.Telegram.Updates;

/// <summary>One update reduced to what a conversation needs: who, where, and a small input.</summary>
public sealed record Inbound(long UpdateId, long ChatId, long UserId, int? MessageId, BotInput Input);

/// <summary>The shapes of input a conversation understands; recognised once, in <see cref="InputReader"/>.</summary>
public abstract record BotInput
{
    private protected BotInput()
    {
    }

    /// <summary>A slash command without the bot suffix ("/start@bot x" → "start", "x").</summary>
    public sealed record Command(string Name, string Argument) : BotInput;

    public sealed record Text(string Value) : BotInput;

    /// <summary>A shared contact; <paramref name="IsOwn"/> when contact.user_id is the sender.</summary>
    public sealed record Contact(string Phone, bool IsOwn) : BotInput;

    /// <summary>A location; a forwarded one is never live.</summary>
    /// <summary>A location; <paramref name="Edited"/> when it is a later fix of a live location already shared.</summary>
    public sealed record Location(GeoPoint Point, bool Forwarded, bool Edited = false) : BotInput;

    public sealed record VideoNote(string FileId, string FileUniqueId, long? FileSize, int Duration, bool Forwarded) : BotInput;

    /// <summary>A photo, ordinary video, document or animation: not what was asked for.</summary>
    public sealed record OtherMedia(string Kind) : BotInput;

    public sealed record Callback(string Data, int MessageId, string CallbackId) : BotInput;

    public sealed record NotPrivateChat : BotInput;

    public sealed record Unsupported : BotInput;
}
