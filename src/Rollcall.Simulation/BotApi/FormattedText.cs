using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rollcall.Simulation.BotApi;

/// <summary>Checks formatted text the way Telegram does and strips it to what the user sees.</summary>
internal static partial class FormattedText
{
    private const string MarkdownV2Reserved = "_*[]()~`>#+-=|{}.!";
    private static readonly HashSet<string> HtmlTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    /// <summary>The displayed text; throws Telegram's "can't parse entities" error on malformed markup.</summary>
    public static string Display(string text, string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        null or "" => text,
        "HTML" => Html(text),
        "MARKDOWNV2" => MarkdownV2(text),
        "MARKDOWN" => text.Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal),
        _ => throw BotApiError.BadRequest($"unsupported parse_mode \"{parseMode}\""),
    };

    private static string Html(string text)
    {
        var open = new Stack<string>();
        foreach (Match tag in TagPattern().Matches(text))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (!HtmlTags.Contains(name))
            {
                throw CantParse($"Unsupported start tag \"{name}\" at byte offset {tag.Index}");
            }

            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    throw CantParse($"Unexpected end tag at byte offset {tag.Index}");
                }
            }
            else
            {
                open.Push(name);
            }
        }

        if (open.Count > 0)
        {
            throw CantParse($"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        }

        var stripped = TagPattern().Replace(text, "");
        if (stripped.Contains('<', StringComparison.Ordinal) || stripped.Contains('>', StringComparison.Ordinal))
        {
            throw CantParse("Unsupported start tag or unescaped '<' or '>'");
        }

        return WebUtility.HtmlDecode(stripped);
    }

    private static string MarkdownV2(string text)
    {
        var shown = new StringBuilder(text.Length);
        var inLinkUrl = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                shown.Append(text[++i]);
                continue;
            }

            if (inLinkUrl)
            {
                inLinkUrl = c != ')';
                continue;
            }

            if (c == '(' && i > 0 && text[i - 1] == ']')
            {
                inLinkUrl = true;
                continue;
            }

            if (MarkdownV2Reserved.Contains(c, StringComparison.Ordinal))
            {
                if (c is '>' or '#' or '+' or '-' or '=' or '|' or '{' or '}' or '.' or '!' or '(' or ')')
                {
                    throw CantParse($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
                }

                continue;
            }

            shown.Append(c);
        }

        return shown.ToString();
    }

    private static BotApiError CantParse(string why) => BotApiError.BadRequest($"can't parse entities: {why}");

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)(\\s[^<>]*)?>")]
    private static partial Regex TagPattern();
}
