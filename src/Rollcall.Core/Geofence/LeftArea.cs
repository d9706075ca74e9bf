namespace Rollcall.Geofence;

/// <summary>
/// H2: a live location's later fixes, while the check-in window is open, must stay in the class area. The rule is the
/// check-in's own (<see cref="GeofenceCheck.Evaluate"/>): a fix the check-in would call too far has left. A coarse fix
/// has left only when even the nearest edge of its accuracy circle is beyond the limit; a fix without an accuracy, or a
/// pin (the student stopped sharing), proves nothing either way.
/// </summary>
public static class LeftArea
{
    /// <summary>The fix's distance from the centre when it shows the student outside the area; null when it does not.</summary>
    public static double? Distance(GeoPoint centre, GeoPoint fix, double limitMetres)
    {
        if (!fix.IsLive || !fix.IsValid)
        {
            return null;
        }

        return GeofenceCheck.Evaluate(centre, fix, limitMetres, liveRequired: true) switch
        {
            GeofenceCheck.TooFar far => far.Distance,
            GeofenceCheck.Imprecise { Accuracy: { } accuracy } coarse when coarse.Distance - accuracy > limitMetres => coarse.Distance,
            _ => null,
        };
    }
}
