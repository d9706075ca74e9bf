using Rollcall.Geofence;

namespace Rollcall.Tests.Geofence;

public sealed class GeodesicDistanceTests
{
    [Fact]
    public void JfkToHeathrow_MatchesGeographicLibToTheMillimetre()
    {
        // GeographicLib documentation: Geodesic.WGS84.Inverse(40.6, -73.8, 51.6, -0.5).s12 = 5551759.400319 m.
        var metres = GeodesicDistance.Metres(40.6, -73.8, 51.6, -0.5);

        Assert.Equal(5551759.400319, metres, 0.001);
    }

    [Fact]
    public void FlindersPeakToBuninyong_MatchesVincentysPublishedExample()
    {
        // Vincenty (1975) / Geoscience Australia worked example: 54972.271 m (GRS80; WGS84 differs by < 0.1 mm here).
        var lat1 = -(37 + (57 / 60.0) + (3.72030 / 3600));
        var lon1 = 144 + (25 / 60.0) + (29.52440 / 3600);
        var lat2 = -(37 + (39 / 60.0) + (10.15610 / 3600));
        var lon2 = 143 + (55 / 60.0) + (35.38390 / 3600);

        Assert.Equal(54972.271, GeodesicDistance.Metres(lat1, lon1, lat2, lon2), 0.001);
    }

    [Fact]
    public void ShortLineAlongTheEquator_IsTheArcOfTheSemiMajorAxis()
    {
        // The equator is a geodesic: 0.0004 degrees of longitude is exactly a * 0.0004 * pi / 180.
        var expected = 6378137.0 * 0.0004 * Math.PI / 180;

        Assert.Equal(expected, GeodesicDistance.Metres(0, 10, 0, 10.0004), 0.000_01);
    }

    [Fact]
    public void Distance_IsSymmetricAndZeroForTheSamePoint()
    {
        var there = GeodesicDistance.Metres(12.9716, 77.5946, 12.9720, 77.5950);
        var back = GeodesicDistance.Metres(12.9720, 77.5950, 12.9716, 77.5946);

        Assert.Equal(there, back, 1e-9);
        Assert.Equal(0, GeodesicDistance.Metres(12.9716, 77.5946, 12.9716, 77.5946));
    }

    [Fact]
    public void OneArcSecondOfLatitudeAtTheEquator_IsAbout30Metres()
    {
        // Meridian arc at the equator: M = a(1-e^2) per radian, 30.7 m per arc second.
        Assert.Equal(30.715, GeodesicDistance.Metres(0, 0, 1 / 3600.0, 0), 0.01);
    }
}
