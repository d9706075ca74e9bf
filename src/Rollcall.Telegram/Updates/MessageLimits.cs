namespace Rollcall.Telegram.Updates;

/// <summary>Telegram's limits on what a bot sends (core.telegram.org/bots/api), which every reply keeps within.</summary>
public static class MessageLimits
{
    /// <summary>Characters of a message's text.</summary>
    public const int Text = 4096;

    /// <summary>Characters of a photo's or document's caption.</summary>
    public const int Caption = 1024;

    /// <summary>Bytes of a button's callback data.</summary>
    public const int CallbackData = 64;

    /// <summary>Buttons of one inline keyboard.</summary>
    public const int InlineButtons = 100;

    /// <summary>Cuts <paramref name="text"/> to <paramref name="limit"/> characters, ending it with "…" when cut.</summary>
    public static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
