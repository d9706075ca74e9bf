using System.Globalization;
using Rollcall.Attendance;
using Rollcall.Term;
using ScottPlot;

namespace Rollcall.Telegram.Term;

/// <summary>The term as a picture, in the report chart's style: one bar per student, lowest first, and the threshold line.</summary>
public static class TermChart
{
    /// <summary>Bars in one picture; a larger class shows its lowest (Telegram refuses photos past 10 000 px of width plus height).</summary>
    public const int MaxBars = 100;

    private const int Width = 720;
    private const int BarPixels = 18;
    private const int LabelLength = 22;

    public static byte[] Png(TermSheet sheet, AttendanceRule rule)
    {
        var ranked = sheet.Standings(rule)
            .Where(s => s.Figures.Percent is not null)
            .OrderBy(s => s.Figures.Percent).ThenBy(s => s.Student.StudentId, StringComparer.Ordinal)
            .ToList();
        var shown = ranked.Take(MaxBars).ToList();
        var below = ranked.Count(s => s.Below);

        var plot = new Plot();
        var bars = plot.Add.Bars(shown.Select((s, i) => new Bar
        {
            // The lowest at the top, where the eye starts.
            Position = shown.Count - 1 - i,
            Value = s.Figures.Percent!.Value,
            FillColor = s.Below ? Colors.IndianRed : Colors.SeaGreen,
            Size = 0.8,
        }).ToList());
        bars.Horizontal = true;

        var threshold = plot.Add.VerticalLine(rule.WarningPercent);
        threshold.LineColor = Colors.Black;
        threshold.LinePattern = LinePattern.Dashed;
        threshold.LineWidth = 2;

        plot.Axes.Left.SetTicks([.. shown.Select((_, i) => (double)(shown.Count - 1 - i))], [.. shown.Select(s => Label(s.Student))]);
        plot.Axes.SetLimitsX(0, 105);
        plot.Axes.SetLimitsY(-0.6, Math.Max(1, shown.Count) - 0.4);
        var percent = rule.WarningPercent.ToString("0.#", CultureInfo.InvariantCulture);
        plot.XLabel($"attended, % of sessions held (dashed: {percent} %)");
        var more = ranked.Count > shown.Count ? $" (lowest {shown.Count} of {ranked.Count})" : "";
        plot.Title($"{sheet.Batch} · {sheet.Subject}: {below} of {ranked.Count} below {percent} %{more}");

        return plot.GetImageBytes(Width, 160 + (BarPixels * Math.Max(1, shown.Count)), ImageFormat.Png);
    }

    private static string Label(TermStudent student)
    {
        var label = $"{student.StudentId} {student.Name}";
        return label.Length <= LabelLength ? label : label[..(LabelLength - 1)] + "…";
    }
}
