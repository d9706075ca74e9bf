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

    /// <summary>Replaces the text and inline keyboard of a message the bot sent (a roll page turned).</summary>
    public sealed record EditText(int MessageId, TextRef Content, Keyboard.Inline? Keyboard = null) : Reply;

    /// <summary>Replaces the caption and inline keyboard of a picture the bot sent (the session message's live counts).</summary>
    public sealed record EditCaption(int MessageId, TextRef Caption, Keyboard.Inline? Keyboard = null) : Reply;

    /// <summary>Replaces the picture, caption and keyboard of a picture the bot sent (a new code's QR).</summary>
    public sealed record EditPhoto(int MessageId, string FileName, byte[] Content, TextRef Caption, Keyboard.Inline? Keyboard = null) : Reply;

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

    /// <summary>Inline buttons carrying callback data, one row each unless <see cref="RowLengths"/> groups them.</summary>
    public sealed record Inline(IReadOnlyList<InlineButton> Buttons) : Keyboard
    {
        /// <summary>How many buttons each row holds, in order; empty: one button per row.</summary>
        public IReadOnlyList<int> RowLengths { get; init; } = [];

        /// <summary>Buttons in the rows given (a roll line: a name and its status buttons).</summary>
        public static Inline Grid(IEnumerable<IReadOnlyList<InlineButton>> rows)
        {
            var list = rows.Where(r => r.Count > 0).ToList();
            return new Inline([.. list.SelectMany(r => r)]) { RowLengths = [.. list.Select(r => r.Count)] };
        }

        /// <summary>The buttons row by row.</summary>
        public IEnumerable<IReadOnlyList<InlineButton>> Rows()
        {
            if (RowLengths.Count == 0)
            {
                return Buttons.Select(b => (IReadOnlyList<InlineButton>)[b]);
            }

            var start = 0;
            return RowLengths.Select(length =>
            {
                IReadOnlyList<InlineButton> row = [.. Buttons.Skip(start).Take(length)];
                start += length;
                return row;
            }).ToList();
        }
    }

    /// <summary>A one-button reply keyboard that shares the user's contact.</summary>
    public sealed record RequestContact(TextKey Label) : Keyboard;

    /// <summary>A one-button reply keyboard that sends the user's location.</summary>
    public sealed record RequestLocation(TextKey Label) : Keyboard;

    public sealed record Remove : Keyboard;
}

/// <summary>One inline button: a label (data, e.g. a batch name) and its callback data.</summary>
public sealed record InlineButton(string Label, string Data);
