namespace Rollcall.Commands.Bench;

/// <summary>The shape of one class bench run: class size, database, LMS misbehaviour and the timeouts that bound it.</summary>
internal sealed record ClassBenchOptions
{
    public int Students { get; init; } = 500;

    /// <summary>DATABASE_URL for the host; null makes a fresh SQLite file in the run's folder.</summary>
    public string? DatabaseUrl { get; init; }

    public (TimeSpan Min, TimeSpan Max) LmsLatency { get; init; }

    public double LmsErrorRate { get; init; }

    /// <summary>Students start their check-ins spread evenly over this time.</summary>
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Must outlast the check-ins, or late students find the code expired.</summary>
    public int OtpSeconds { get; init; } = 1800;

    public int ReportDelaySeconds { get; init; } = 15;

    /// <summary>Enrolled people whose faces the students share (at most <see cref="ClassCast.People"/>'s length).</summary>
    public int People { get; init; } = 6;

    /// <summary>
    /// Real notes (640x640, 5-15 s, cut from samples/videos/people, each person enrolled with a frame of their own recording)
    /// instead of synthetic 384-px clips from photos; `rollcall bench class` uses them, the load tests keep the cheaper clips.
    /// </summary>
    public bool RealNotes { get; init; }

    /// <summary>Different clips made per person; uploads differ anyway, each gets its own file_unique_id.</summary>
    public int ClipsPerPerson { get; init; } = 2;

    /// <summary>Wait for each ordinary bot answer: the bot handles updates one at a time, so a crowd queues.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Wait from video note to verification result.</summary>
    public TimeSpan ResultTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait after the check-ins for the outbox to deliver every mark.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Extra settings for the host (fault tests shorten timeouts, pick worker counts).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
