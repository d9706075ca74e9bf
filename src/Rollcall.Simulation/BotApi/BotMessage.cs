namespace Rollcall.Simulation.BotApi;

/// <summary>A message a bot sent (or the latest version of one it edited), as the user sees it.</summary>
/// <param name="Text">The text or caption as displayed, with HTML or Markdown formatting removed.</param>
/// <param name="RawText">The text or caption exactly as the bot sent it.</param>
public sealed record BotMessage(
    int MessageId,
    long ChatId,
    string? Text,
    string? RawText,
    string? ParseMode,
    BotKeyboard? Keyboard,
    BotFile? File,
    DateTimeOffset Date,
    DateTimeOffset? EditDate)
{
    /// <summary>All buttons, row by row.</summary>
    public IEnumerable<BotButton> Buttons => Keyboard?.Rows.SelectMany(row => row) ?? [];

    /// <summary>The button whose text contains <paramref name="text"/>; fails the test when there is none.</summary>
    public BotButton Button(string text) =>
        Buttons.FirstOrDefault(b => b.Text.Contains(text, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Message {MessageId} has no button with '{text}'; buttons: {string.Join(", ", Buttons.Select(b => b.Text))}.");
}

/// <summary>The kind of keyboard attached to a message.</summary>
public enum BotKeyboardKind
{
    Inline,
    Reply,
    Remove,
    ForceReply,
}

/// <summary>A keyboard: rows of buttons (empty for <see cref="BotKeyboardKind.Remove"/>).</summary>
public sealed record BotKeyboard(BotKeyboardKind Kind, IReadOnlyList<IReadOnlyList<BotButton>> Rows, bool OneTime = false);

/// <summary>One button: inline ones carry callback data, reply ones may request a contact or a location.</summary>
public sealed record BotButton(string Text, string? CallbackData = null, string? Url = null, bool RequestContact = false, bool RequestLocation = false);

/// <summary>What kind of file a bot sent.</summary>
public enum BotFileKind
{
    Document,
    Photo,
}

/// <summary>A file a bot uploaded (or re-sent by file id), with its bytes.</summary>
public sealed record BotFile(BotFileKind Kind, string FileId, string FileName, string? MimeType, byte[] Bytes);

/// <summary>A bot's answer to a button press.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert);

/// <summary>A message a simulated user sent: its chat, its id and the update that carried it.</summary>
public sealed record UserMessage(long ChatId, int MessageId, int UpdateId);
