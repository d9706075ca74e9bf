namespace Rollcall.Geofence;

/// <summary>
/// The teacher's own fix as the class area's centre: a forwarded location is someone else's, and one whose accuracy
/// radius is wider than the geofence cannot say where the room is. A fix without a reported accuracy is taken as it is.
/// </summary>
public abstract record CentreCheck
{
    private CentreCheck()
    {
    }

    public sealed record Accepted(GeoPoint Centre) : CentreCheck;

    public sealed record Forwarded : CentreCheck;

    public sealed record TooCoarse(double Accuracy, double Limit) : CentreCheck;

    public static CentreCheck Evaluate(GeoPoint fix, bool forwarded, double limitMetres) => (forwarded || !fix.IsValid, fix.AccuracyMetres) switch
    {
        (true, _) => new Forwarded(),
        (_, { } accuracy) when accuracy > limitMetres => new TooCoarse(accuracy, limitMetres),
        _ => new Accepted(fix with { IsLive = false }),
    };
}
