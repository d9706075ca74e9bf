using System.Globalization;

namespace Rollcall.Simulation.Load;

/// <summary>
/// What a load run ended with: marks the students were told about, stored, and held by the LMS; the LMS's writes;
/// latencies and resources. <see cref="Problems"/> lists what was lost or doubled.
/// </summary>
public sealed record LoadReport
{
    public required int Students { get; init; }

    /// <summary>Students the bot told "Attendance marked".</summary>
    public required int Expected { get; init; }

    /// <summary>Present marks in the database.</summary>
    public required int Stored { get; init; }

    /// <summary>Students present in the LMS's records.</summary>
    public required int Delivered { get; init; }

    /// <summary>Batch/subject/date keys the class covers, each owed exactly one accepted POST.</summary>
    public required int Keys { get; init; }

    public required int PostsAccepted { get; init; }

    public required int PostsRefused { get; init; }

    public required int PutsAccepted { get; init; }

    public required int PutsRefused { get; init; }

    /// <summary>Present students missing from the last accepted write of their batch (0 when it carries everyone).</summary>
    public required int MissingFromLastWrite { get; init; }

    /// <summary>Outbox rows still pending when the run ended.</summary>
    public required int OutboxPending { get; init; }

    public required IReadOnlyList<TimeSpan> VideoToResult { get; init; }

    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required long QueuePeak { get; init; }

    public required TimeSpan CpuTime { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required TimeSpan CheckInWall { get; init; }

    public required TimeSpan DeliveryWall { get; init; }

    public required TimeSpan TotalWall { get; init; }

    /// <summary>Each way the run lost or doubled something; empty when every mark arrived exactly once.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Expected != Stored || Stored != Delivered)
        {
            problems.Add($"marks differ: expected {Expected}, stored {Stored}, delivered {Delivered}");
        }

        if (PostsAccepted != Keys)
        {
            problems.Add($"{PostsAccepted} accepted POSTs for {Keys} batch/subject/date keys (must be one each)");
        }

        if (MissingFromLastWrite > 0)
        {
            problems.Add($"{MissingFromLastWrite} present students missing from the last write of their batch");
        }

        if (OutboxPending > 0)
        {
            problems.Add($"{OutboxPending} outbox rows still pending");
        }

        return problems;
    }

    public double Quantile(double q)
    {
        var sorted = VideoToResult.Select(t => t.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Round(q * (sorted.Length - 1)))];
    }

    /// <summary>The report as the bench prints it, one measurement a line.</summary>
    public IEnumerable<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Format(c, "students: {0}; outcomes: {1}", Students, string.Join(", ", Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        yield return string.Format(c, "marks: expected {0}, stored {1}, delivered to the LMS {2}", Expected, Stored, Delivered);
        yield return string.Format(c, "LMS writes: POST {0} accepted / {1} refused for {2} batch/subject/date keys; PUT {3} accepted / {4} refused; outbox pending {5}",
            PostsAccepted, PostsRefused, Keys, PutsAccepted, PutsRefused, OutboxPending);
        yield return string.Format(c, "video note → result: p50 {0:0} ms, p95 {1:0} ms, max {2:0} ms ({3} timed)",
            Quantile(0.5), Quantile(0.95), Quantile(1), VideoToResult.Count);
        yield return QueuePeak >= 0 ? string.Format(c, "verification queue peak: {0} jobs waiting (database rows)", QueuePeak) : "verification queue peak: not observed";
        yield return string.Format(c, "CPU time {0:0.0} s; peak working set {1:0} MiB; {2} cores", CpuTime.TotalSeconds, PeakWorkingSetBytes / (1024.0 * 1024), Environment.ProcessorCount);
        yield return string.Format(c, "wall: check-ins {0:0.0} s, then delivery {1:0.0} s; total {2:0.0} s", CheckInWall.TotalSeconds, DeliveryWall.TotalSeconds, TotalWall.TotalSeconds);
    }
}
