using System.Text.Json;
using System.Text.Json.Serialization;
using Rollcall.Storage.Replies;
using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Notices to and from reply outbox rows. Texts are formatted when stored, so a row sends what the decision said even if
/// its arguments would not survive JSON; a picture's bytes go to the row's own column.
/// </summary>
public static class ReplyRows
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEnumerable<PendingReply> From(IEnumerable<Notice> notices) => notices.Select(From);

    public static PendingReply From(Notice notice)
    {
        var (stored, content) = notice.Reply switch
        {
            Reply.Message m => (new Stored("message") { Text = BotTexts.Format(m.Content), Keyboard = StoredKeyboard.From(m.Keyboard) }, null),
            Reply.Photo p => (new Stored("photo") { Text = BotTexts.Format(p.Caption), FileName = p.FileName, Keyboard = StoredKeyboard.From(p.Keyboard) }, p.Content),
            Reply.Document d => (new Stored("document") { Text = BotTexts.Format(d.Caption), FileName = d.FileName }, d.Content),
            Reply.EditText e => (new Stored("editText") { Text = BotTexts.Format(e.Content), MessageId = e.MessageId, Keyboard = StoredKeyboard.From(e.Keyboard) }, null),
            Reply.EditCaption e => (new Stored("editCaption") { Text = BotTexts.Format(e.Caption), MessageId = e.MessageId, Keyboard = StoredKeyboard.From(e.Keyboard) }, null),
            Reply.EditPhoto e => (new Stored("editPhoto") { Text = BotTexts.Format(e.Caption), MessageId = e.MessageId, FileName = e.FileName, Keyboard = StoredKeyboard.From(e.Keyboard) }, e.Content),
            Reply.EditKeyboard e => (new Stored("editKeyboard") { MessageId = e.MessageId, Keyboard = StoredKeyboard.From(e.Keyboard) }, null),
            Reply.Delete d => (new Stored("delete") { MessageId = d.MessageId }, null),
            Reply.AnswerCallback a => (new Stored("answer") { Text = a.Toast is null ? null : BotTexts.Format(a.Toast), CallbackId = a.CallbackId }, (byte[]?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Reply.GetType().Name, "A reply the outbox cannot store."),
        };
        return new PendingReply(notice.Bot.ToString(), notice.ChatId, JsonSerializer.Serialize(stored, Options), content);
    }

    /// <summary>The row's notice, or null when its bot or payload cannot be read (a row of a newer version).</summary>
    public static Notice? Read(string bot, long chatId, string payload, byte[]? content)
    {
        if (!Enum.TryParse<BotRole>(bot, out var role))
        {
            return null;
        }

        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(payload, Options);
        }
        catch (JsonException)
        {
            return null;
        }

        var text = new TextRef(TextKey.Formatted, stored?.Text ?? "");
        var keyboard = stored?.Keyboard?.ToKeyboard();
        var inline = keyboard as Keyboard.Inline;
        Reply? reply = stored?.Kind switch
        {
            "message" => new Reply.Message(text, keyboard),
            "photo" => new Reply.Photo(stored.FileName ?? "photo.jpg", content ?? [], text, keyboard),
            "document" => new Reply.Document(stored.FileName ?? "file", content ?? [], text),
            "editText" => new Reply.EditText(stored.MessageId, text, inline),
            "editCaption" => new Reply.EditCaption(stored.MessageId, text, inline),
            "editPhoto" => new Reply.EditPhoto(stored.MessageId, stored.FileName ?? "photo.jpg", content ?? [], text, inline),
            "editKeyboard" when inline is not null => new Reply.EditKeyboard(stored.MessageId, inline),
            "delete" => new Reply.Delete(stored.MessageId),
            "answer" => new Reply.AnswerCallback(stored.CallbackId ?? "", stored.Text is null ? null : text),
            _ => null,
        };
        return reply is null ? null : new Notice(role, chatId, reply);
    }

    private sealed record Stored(string Kind)
    {
        public string? Text { get; init; }

        public StoredKeyboard? Keyboard { get; init; }

        public int MessageId { get; init; }

        public string? FileName { get; init; }

        public string? CallbackId { get; init; }
    }

    private sealed record StoredKeyboard(string Kind)
    {
        public IReadOnlyList<InlineButton>? Buttons { get; init; }

        public IReadOnlyList<int>? RowLengths { get; init; }

        public TextKey? Label { get; init; }

        public static StoredKeyboard? From(Keyboard? keyboard) => keyboard switch
        {
            Keyboard.Inline i => new("inline") { Buttons = i.Buttons, RowLengths = i.RowLengths },
            Keyboard.RequestContact c => new("contact") { Label = c.Label },
            Keyboard.RequestLocation l => new("location") { Label = l.Label },
            Keyboard.Remove => new("remove"),
            _ => null,
        };

        public Keyboard? ToKeyboard() => Kind switch
        {
            "inline" => new Keyboard.Inline(Buttons ?? []) { RowLengths = RowLengths ?? [] },
            "contact" when Label is { } label => new Keyboard.RequestContact(label),
            "location" when Label is { } label => new Keyboard.RequestLocation(label),
            "remove" => new Keyboard.Remove(),
            _ => null,
        };
    }
}
