using Rollcall.Geofence;

namespace Rollcall.Tests.Geofence;

public sealed class LeftAreaTests
{
    private static readonly GeoPoint Centre = new(12.97160, 77.59460);

    [Fact]
    public void PreciseLiveFixBeyondTheLimit_HasLeft_AtItsGeodesicDistance()
    {
        var fix = new GeoPoint(12.97430, 77.59460, 8, IsLive: true);

        Assert.Equal(GeodesicDistance.Metres(12.97160, 77.59460, 12.97430, 77.59460), LeftArea.Distance(Centre, fix, 50));
    }

    [Theory]
    [InlineData(12.97200, 8.0, true)] // 44 m: inside
    [InlineData(12.97430, 400.0, true)] // 299 m, but the 400 m circle reaches the room
    [InlineData(12.97430, null, true)] // no accuracy: proves nothing
    [InlineData(12.97430, 8.0, false)] // sharing stopped (no live_period)
    public void FixThatDoesNotShowTheStudentOutside_IsNotALeaving(double latitude, double? accuracy, bool live)
    {
        Assert.Null(LeftArea.Distance(Centre, new GeoPoint(latitude, 77.59460, accuracy, live), 50));
    }

    [Fact]
    public void CoarseFixWhoseWholeCircleIsOutside_HasLeft()
    {
        // 2.2 km away with a 100 m circle: even its nearest edge is 2.1 km from the room.
        Assert.NotNull(LeftArea.Distance(Centre, new GeoPoint(12.99160, 77.59460, 100, IsLive: true), 50));
    }
}
