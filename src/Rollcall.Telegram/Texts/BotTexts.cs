using System.Globalization;

namespace Rollcall.Telegram.Texts;

/// <summary>A text key with its arguments; an argument may itself be a <see cref="TextRef"/>.</summary>
public sealed record TextRef(TextKey Key, params object[] Args);

/// <summary>Formats texts for sending (invariant culture; translations would add tables here).</summary>
public static class BotTexts
{
    public static string Format(TextKey key, params object[] args)
    {
        var template = EnglishTexts.Table[key];
        if (args.Length == 0)
        {
            return template;
        }

        var resolved = args.Select(a => a is TextRef inner ? Format(inner.Key, inner.Args) : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, template, resolved);
    }

    public static string Format(TextRef text) => Format(text.Key, text.Args);
}
