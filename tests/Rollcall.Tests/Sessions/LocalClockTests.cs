using Rollcall.Sessions;

namespace Rollcall.Tests.Sessions;

public sealed class LocalClockTests
{
    private static readonly LocalClock Kolkata = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

    [Fact]
    public void Times_AreShownInTheInstitutesZone_WithTheirOffset()
    {
        var at = new DateTimeOffset(2026, 11, 28, 20, 0, 5, TimeSpan.Zero);

        Assert.Equal("2026-11-29T01:30:05+05:30", Kolkata.Stamp(at));
        Assert.Equal("2026-11-29 01:30", Kolkata.Minute(at));
        Assert.Equal(new DateOnly(2026, 11, 29), Kolkata.DateOf(at));
        Assert.Equal("2026-11-28T20:00:05+00:00", LocalClock.Utc.Stamp(at));
    }

    [Fact]
    public void StartOf_IsLocalMidnight()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 18, 30, 0, TimeSpan.Zero), Kolkata.StartOf(new DateOnly(2026, 11, 29)));
        Assert.Equal(TimeSpan.Zero, Kolkata.StartOf(new DateOnly(2026, 11, 29)).Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), LocalClock.Utc.StartOf(new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void TimesInMessages_SayUtc_OnlyWhenTheZoneIsUtc()
    {
        var at = new DateTimeOffset(2026, 11, 28, 20, 0, 5, TimeSpan.Zero);
        var london = new LocalClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        Assert.Equal(("01:30:05", "2026-11-29 01:30:05"), (Kolkata.Time(at), Kolkata.DayTime(at)));
        Assert.Equal(("20:00:05 UTC", "2026-11-28 20:00:05 UTC"), (LocalClock.Utc.Time(at), LocalClock.Utc.DayTime(at)));
        Assert.Equal("20:00:05", london.Time(at));
    }
}
