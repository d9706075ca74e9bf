using Rollcall.Hosting;

namespace Rollcall.Tests.Hosting;

public sealed class FloodWindowTests
{
    private static readonly FloodLimits Limits = new(3, TimeSpan.FromSeconds(10));
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UpdatesWithinTheLimit_AreAdmitted_ThenTheFirstPastItIsTold_AndTheRestDroppedSilently()
    {
        FloodCount? count = null;
        List<FloodVerdict> verdicts = [];
        for (var i = 0; i < 6; i++)
        {
            (var verdict, count) = FloodWindow.Count(count, T0.AddMilliseconds(i), Limits);
            verdicts.Add(verdict);
        }

        Assert.Equal([FloodVerdict.Admit, FloodVerdict.Admit, FloodVerdict.Admit, FloodVerdict.DropAndTell, FloodVerdict.Drop, FloodVerdict.Drop], verdicts);
    }

    [Fact]
    public void TheWindowStartsAtTheChatsFirstUpdate_AndANewOneAdmitsAgainWithANewNotice()
    {
        FloodCount? count = null;
        for (var i = 0; i < 4; i++)
        {
            (_, count) = FloodWindow.Count(count, T0.AddSeconds(5), Limits);
        }

        // 9.999 s after the window's first update: still the same window.
        Assert.Equal(FloodVerdict.Drop, FloodWindow.Count(count, T0.AddSeconds(14.999), Limits).Verdict);

        var (verdict, next) = FloodWindow.Count(count, T0.AddSeconds(15), Limits);
        Assert.Equal(FloodVerdict.Admit, verdict);
        Assert.Equal(new FloodCount(T0.AddSeconds(15), 1, Told: false), next);
    }

    [Fact]
    public void AClockThatWentBack_EndsTheWindow_RatherThanLockingTheChatOut()
    {
        var full = new FloodCount(T0, 3, Told: true);

        Assert.True(FloodWindow.HasEnded(full, T0.AddSeconds(-1), Limits));
        Assert.Equal(FloodVerdict.Admit, FloodWindow.Count(full, T0.AddSeconds(-1), Limits).Verdict);
        Assert.False(FloodWindow.HasEnded(full, T0.AddSeconds(9), Limits));
    }
}
