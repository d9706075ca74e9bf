namespace Rollcall.Geofence;

/// <summary>Distance on the WGS84 ellipsoid by Vincenty's inverse method (sub-millimetre for classroom distances).</summary>
public static class GeodesicDistance
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);
    private const int MaxIterations = 200;

    /// <summary>Metres between two WGS84 points given in degrees.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        if (lat1 == lat2 && lon1 == lon2)
        {
            return 0;
        }

        var l = ToRadians(lon2 - lon1);
        var u1 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat1)));
        var u2 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat2)));
        var (sinU1, cosU1) = Math.SinCos(u1);
        var (sinU2, cosU2) = Math.SinCos(u2);

        var lambda = l;
        double sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        var iteration = 0;
        while (true)
        {
            var (sinLambda, cosLambda) = Math.SinCos(lambda);
            var t1 = cosU2 * sinLambda;
            var t2 = (cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda);
            sinSigma = Math.Sqrt((t1 * t1) + (t2 * t2));
            if (sinSigma == 0)
            {
                return 0;
            }

            cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - (sinAlpha * sinAlpha);
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - (2 * sinU1 * sinU2 / cos2Alpha);
            var c = F / 16 * cos2Alpha * (4 + (F * (4 - (3 * cos2Alpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                break;
            }

            if (++iteration >= MaxIterations)
            {
                // Nearly antipodal points: Vincenty does not converge; no classroom is that far away.
                return double.PositiveInfinity;
            }
        }

        var uSquared = cos2Alpha * ((A * A) - (B * B)) / (B * B);
        var bigA = 1 + (uSquared / 16384 * (4096 + (uSquared * (-768 + (uSquared * (320 - (175 * uSquared)))))));
        var bigB = uSquared / 1024 * (256 + (uSquared * (-128 + (uSquared * (74 - (47 * uSquared))))));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
            - (bigB / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
        return B * bigA * (sigma - deltaSigma);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
