namespace Rollcall.Geofence;

/// <summary>Outcome of checking a student's position against the session's centre.</summary>
public abstract record GeofenceCheck
{
    private GeofenceCheck()
    {
    }

    /// <summary>Within the limit.</summary>
    public sealed record Inside(double Distance) : GeofenceCheck;

    /// <summary>Farther than the limit (even allowing for the reported accuracy).</summary>
    public sealed record TooFar(double Distance, double Limit) : GeofenceCheck;

    /// <summary>
    /// The device's accuracy radius is larger than the limit, or missing (null: a client or userbot that leaves it out
    /// asserts nothing about precision): the position proves nothing on its own.
    /// </summary>
    public sealed record Imprecise(double? Accuracy, double Limit) : GeofenceCheck
    {
        /// <summary>Geodesic distance of the reported point.</summary>
        public double Distance { get; init; }

        /// <summary>
        /// Whether a person may still judge it: the reported point is inside and the fix is at most 4x the limit
        /// (coarser than that, or of no stated accuracy, it says nothing about the room).
        /// </summary>
        public bool Reviewable => Distance <= Limit && Accuracy <= 4 * Limit;
    }

    /// <summary>A pinned or forwarded location where a live one is required.</summary>
    public sealed record NotLive : GeofenceCheck;

    /// <summary>
    /// The rule: a live location is required when <paramref name="liveRequired"/>; an accuracy radius above the limit, or
    /// none at all on a required live location, is imprecise; otherwise the student is inside when the geodesic distance is at most the limit.
    /// The accuracy is never added as slack, so a coarse fix cannot stretch the fence.
    /// </summary>
    public static GeofenceCheck Evaluate(GeoPoint centre, GeoPoint student, double limitMetres, bool liveRequired)
    {
        if (liveRequired && !student.IsLive)
        {
            return new NotLive();
        }

        var distance = GeodesicDistance.Metres(centre.Latitude, centre.Longitude, student.Latitude, student.Longitude);
        // Where live locations are required, a fix without an accuracy counts as imprecise (H2); a pin allowed on purpose has none.
        if (student.AccuracyMetres is { } accuracy ? accuracy > limitMetres : liveRequired)
        {
            return new Imprecise(student.AccuracyMetres, limitMetres) { Distance = distance };
        }

        return distance <= limitMetres ? new Inside(distance) : new TooFar(distance, limitMetres);
    }
}
