namespace Rollcall.Geofence;

/// <summary>A reported position: WGS84 degrees, the device's accuracy radius and whether it is a live location.</summary>
public sealed record GeoPoint(double Latitude, double Longitude, double? AccuracyMetres = null, bool IsLive = false)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && double.IsFinite(Latitude) && double.IsFinite(Longitude);
}
