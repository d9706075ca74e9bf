using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.Reports;

/// <summary>
/// Packs a report's header and its lists into as few messages as Telegram's 4096-character limit allows: a list that
/// does not fit goes on in the next message under "… (continued):"; a line too long for any message is cut.
/// </summary>
public static class ReportParts
{
    /// <summary>The longest single line; a name is data from the LMS and may be anything.</summary>
    public const int MaxLine = 300;

    /// <summary>One titled list: "Present" and its lines.</summary>
    public sealed record Section(string Heading, string ContinuedHeading, IReadOnlyList<string> Lines);

    public static IReadOnlyList<string> Pack(string header, IReadOnlyList<Section> sections, int limit = MessageLimits.Text)
    {
        List<string> parts = [];
        var current = new System.Text.StringBuilder(MessageLimits.Cut(header, limit));
        foreach (var section in sections)
        {
            // A heading moves on with its first line rather than end a message alone.
            var first = section.Lines.Count > 0 ? 1 + Math.Min(section.Lines[0].Length, MaxLine) : 0;
            Append("\n\n", section.Heading, section.Heading, first);
            foreach (var line in section.Lines)
            {
                var shown = MessageLimits.Cut(line, MaxLine);
                Append("\n", shown, section.ContinuedHeading + "\n" + shown);
            }
        }

        parts.Add(current.ToString());
        return parts;

        // Adds the separator and text, or, when they would not fit, starts the next message with its own opening.
        void Append(string separator, string text, string opening, int room = 0)
        {
            if (current.Length + separator.Length + text.Length + room <= limit)
            {
                current.Append(separator).Append(text);
                return;
            }

            parts.Add(current.ToString());
            current.Clear().Append(opening);
        }
    }
}
