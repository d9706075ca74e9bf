namespace Rollcall.Simulation.Lms;

/// <summary>How the fake LMS issues tokens and misbehaves.</summary>
public sealed class LmsServerOptions
{
    /// <summary>The clock behind token expiry and record dates.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public TimeSpan AccessLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RefreshLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>HS256-signed tokens (true) or unsigned ones with alg "none".</summary>
    public bool SignTokens { get; init; } = true;

    /// <summary>Leaves the exp claim out, so clients must fall back to default lifetimes.</summary>
    public bool OmitExpiry { get; init; }

    /// <summary>Puts the mentor id in "sub" instead of "id", as some LMS versions do.</summary>
    public bool MentorIdInSub { get; init; }

    /// <summary>Keys /getattends by date directly, without the "dates" level, as some LMS versions do.</summary>
    public bool OmitDatesLevel { get; init; }

    /// <summary>Extra delay before every answer, drawn from this range.</summary>
    public (TimeSpan Min, TimeSpan Max) Latency { get; set; }

    /// <summary>Share of calls (0-1) answered 503, drawn from <see cref="RandomSeed"/>.</summary>
    public double FailureProbability { get; set; }

    public int RandomSeed { get; init; } = 42;
}
