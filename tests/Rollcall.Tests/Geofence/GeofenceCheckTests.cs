using Rollcall.Geofence;

namespace Rollcall.Tests.Geofence;

public sealed class GeofenceCheckTests
{
    private static readonly GeoPoint Teacher = new(12.97160, 77.59460);

    [Fact]
    public void StudentTwentyMetresAway_IsInside()
    {
        var student = new GeoPoint(12.97178, 77.59460, AccuracyMetres: 10, IsLive: true);

        var check = GeofenceCheck.Evaluate(Teacher, student, 50, liveRequired: true);

        var inside = Assert.IsType<GeofenceCheck.Inside>(check);
        Assert.InRange(inside.Distance, 19, 21);
    }

    [Fact]
    public void StudentOutsideGeofence_IsToldTheDistanceAndLimit()
    {
        var student = new GeoPoint(12.97260, 77.59460, AccuracyMetres: 5, IsLive: true);

        var check = GeofenceCheck.Evaluate(Teacher, student, 50, liveRequired: true);

        var tooFar = Assert.IsType<GeofenceCheck.TooFar>(check);
        Assert.InRange(tooFar.Distance, 109, 112);
        Assert.Equal(50, tooFar.Limit);
    }

    [Fact]
    public void StaticPin_IsRefusedWhenLiveLocationIsRequired()
    {
        var pin = new GeoPoint(12.97160, 77.59460, IsLive: false);

        Assert.IsType<GeofenceCheck.NotLive>(GeofenceCheck.Evaluate(Teacher, pin, 50, liveRequired: true));
        Assert.IsType<GeofenceCheck.Inside>(GeofenceCheck.Evaluate(Teacher, pin, 50, liveRequired: false));
    }

    [Fact]
    public void LiveFixWithoutAnAccuracy_IsImprecise_AndNotForReview()
    {
        var bare = new GeoPoint(12.97160, 77.59460, IsLive: true);

        var check = GeofenceCheck.Evaluate(Teacher, bare, 50, liveRequired: true);

        var imprecise = Assert.IsType<GeofenceCheck.Imprecise>(check);
        Assert.Equal((null, 50), (imprecise.Accuracy, imprecise.Limit));
        Assert.False(imprecise.Reviewable);
    }

    [Fact]
    public void HugeAccuracyRadius_CannotStretchTheFence()
    {
        var coarse = new GeoPoint(12.97160, 77.59460, AccuracyMetres: 1500, IsLive: true);

        var check = GeofenceCheck.Evaluate(Teacher, coarse, 50, liveRequired: true);

        var imprecise = Assert.IsType<GeofenceCheck.Imprecise>(check);
        Assert.Equal((1500, 50), (imprecise.Accuracy, imprecise.Limit));
        Assert.False(imprecise.Reviewable);
    }

    [Fact]
    public void SomewhatCoarseFixInside_IsLeftToTheTeacher()
    {
        var coarse = new GeoPoint(12.97160, 77.59460, AccuracyMetres: 120, IsLive: true);

        var check = GeofenceCheck.Evaluate(Teacher, coarse, 50, liveRequired: true);

        var imprecise = Assert.IsType<GeofenceCheck.Imprecise>(check);
        Assert.True(imprecise.Reviewable);
        Assert.True(imprecise.Distance < 50);
    }

    [Fact]
    public void AccuracyIsNeverSlack_ADistanceJustOverTheLimitIsTooFar()
    {
        var student = new GeoPoint(12.97206, 77.59460, AccuracyMetres: 40, IsLive: true);

        Assert.IsType<GeofenceCheck.TooFar>(GeofenceCheck.Evaluate(Teacher, student, 50, liveRequired: true));
    }
}
