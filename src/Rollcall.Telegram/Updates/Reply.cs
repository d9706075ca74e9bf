using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Updates;

/// <summary>What a bot says back, as data; <see cref="ReplySender"/> turns it into Bot API calls after the commit.</summary>
public abstract record Reply
{
    private protected Reply()
    {
    }

    public sealed record Message(TextRef Content, Keyboard? Keyboard = null) : Reply;

    /// <summary>Deletes a message of the chat (the teacher's password).</summary>
    public sealed record Delete(int MessageId) : Reply;

    /// <summary>Replaces the inline keyboard of a message the bot sent (ticks on toggled batches).</summary>
    public sealed record EditKeyboard(int MessageId, Keyboard.Inline Keyboard) : Reply;

    /// <summary>Stops the button's spinner, optionally with a short toast.</summary>
    public sealed record AnswerCallback(string CallbackId, TextRef? Toast = null) : Reply;

    public sealed record Document(string FileName, byte[] Content, TextRef Caption) : Reply;

    /// <summary>A picture (PNG or JPEG) with a caption: the report's chart, a review with its buttons.</summary>
    public sealed record Photo(string FileName, byte[] Content, TextRef Caption, Keyboard? Keyboard = null) : Reply;

    public static Message Text(TextKey key, params object[] args) => new(new TextRef(key, args));

    public static Message Text(Keyboard keyboard, TextKey key, params object[] args) => new(new TextRef(key, args), keyboard);

    /// <summary>The key of a text reply, or null; for tests and logs.</summary>
    public TextKey? Key => this is Message m ? m.Content.Key : null;
}

/// <summary>A keyboard attached to a message.</summary>
public abstract record Keyboard
{
    private protected Keyboard()
    {
    }

    /// <summary>Inline buttons, one row each, carrying callback data.</summary>
    public sealed record Inline(IReadOnlyList<InlineButton> Buttons) : Keyboard;

    /// <summary>A one-button reply keyboard that shares the user's contact.</summary>
    public sealed record RequestContact(TextKey Label) : Keyboard;

    /// <summary>A one-button reply keyboard that sends the user's location.</summary>
    public sealed record RequestLocation(TextKey Label) : Keyboard;

    public sealed record Remove : Keyboard;
}

/// <summary>One inline button: a label (data, e.g. a batch name) and its callback data.</summary>
public sealed record InlineButton(string Label, string Data);
