using Rollcall.Storage.Sessions;
using ScottPlot;
using SkiaSharp;

namespace Rollcall.Telegram.Reports;

/// <summary>The report's picture, sized for a phone: arrivals over the session window, and present / absent / reviewed.</summary>
public static class ReportChart
{
    private const int Width = 720;
    private const int Height = 900;

    public static byte[] Png(SessionReport report, DateTimeOffset opened, DateTimeOffset closed)
    {
        var window = Math.Max(1, (closed - opened).TotalSeconds);
        var binSeconds = window <= 180 ? 15 : window <= 900 ? 60 : 300;
        var bins = new double[(int)Math.Ceiling(window / binSeconds)];
        foreach (var line in report.Lines)
        {
            if (line.Attended && line.DecidedAt is { } at)
            {
                var bin = (int)Math.Clamp((at - opened).TotalSeconds / binSeconds, 0, bins.Length - 1);
                bins[bin]++;
            }
        }

        var present = report.Lines.Count(l => l.Attended);
        var reviewed = report.Lines.Count(l => l.Reviewed);
        var absent = report.Lines.Count - present;

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        Arrivals(multiplot.GetPlot(0), bins, binSeconds);
        Totals(multiplot.GetPlot(1), present, absent, reviewed, report.Lines.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        multiplot.Render(surface.Canvas, new PixelRect(0, Width, Height, 0));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Arrivals(Plot plot, double[] bins, int binSeconds)
    {
        Bar[] arrivals = [.. bins.Select((count, i) => new Bar { Position = (i + 0.5) * binSeconds, Value = count, Size = binSeconds * 0.9 })];
        var bars = plot.Add.Bars(arrivals);
        bars.Color = Colors.SteelBlue;
        plot.Title($"Verified arrivals per {binSeconds} s");
        plot.XLabel("seconds after the code was issued");
        plot.YLabel("students");
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, bins.DefaultIfEmpty(0).Max()) * 1.15);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    private static void Totals(Plot plot, int present, int absent, int reviewed, int total)
    {
        Bar[] totals =
        [
            new Bar { Position = 2, Value = present, FillColor = Colors.SeaGreen, Label = present.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Bar { Position = 1, Value = absent, FillColor = Colors.IndianRed, Label = absent.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Bar { Position = 0, Value = reviewed, FillColor = Colors.Orange, Label = reviewed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ];
        var bars = plot.Add.Bars(totals);
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks([2, 1, 0], ["Present", "Absent", "Reviewed"]);
        plot.Axes.SetLimitsX(0, Math.Max(1, total) * 1.1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title($"Present {present} of {total}");
    }
}
