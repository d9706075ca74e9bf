using System.Text.RegularExpressions;

namespace Rollcall.Simulation;

/// <summary>The receipt line that ends a student's decision message ("…\nReceipt: 7KQ2M-X9D4R").</summary>
public static partial class ReceiptLine
{
    /// <summary>The message without its receipt line, and the code (null when the message has none).</summary>
    public static (string Body, string? Code) Split(string text)
    {
        var match = Line().Match(text);
        return match.Success ? (text[..match.Index], match.Groups[1].Value) : (text, null);
    }

    [GeneratedRegex(@"\nReceipt: ([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})$")]
    private static partial Regex Line();
}
