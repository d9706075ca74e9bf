namespace Rollcall.Term;

/// <summary>A run of the institute's local dates, both ends included (a session's date is its local date).</summary>
public sealed record DateSpan(DateOnly From, DateOnly To)
{
    public bool IsValid => From <= To;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd}";
}
