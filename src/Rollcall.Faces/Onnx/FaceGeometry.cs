using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>A detected face: corner coordinates in image pixels and the detector's score.</summary>
public readonly record struct FaceBox(float X1, float Y1, float X2, float Y2, float Score)
{
    public float Width => X2 - X1;

    public float Height => Y2 - Y1;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public float CenterX => (X1 + X2) / 2;

    public float CenterY => (Y1 + Y2) / 2;

    public float IoU(in FaceBox other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var inter = w * h;
        return inter / (Area + other.Area - inter);
    }

    /// <summary>A crop of <paramref name="scale"/> times the box's height around its centre, shifted (not cut) to stay inside the image, as the reference JS does.</summary>
    public Rect SquareCrop(float scale, int imageWidth, int imageHeight)
    {
        var side = Height * scale;
        side = Math.Min(side, Math.Min(imageWidth - 1, imageHeight - 1));
        side = Math.Max(side, 2);
        var x = CenterX - (side / 2);
        var y = CenterY - (side / 2);
        x = Math.Clamp(x, 0, imageWidth - 1 - side);
        y = Math.Clamp(y, 0, imageHeight - 1 - side);
        return new Rect((int)x, (int)y, (int)side, (int)side);
    }
}

/// <summary>The 68 facial landmarks (iBUG order, 0-based) of one face in image pixels.</summary>
public sealed class FaceLandmarks(float[] xy)
{
    public const int Count = 68;

    public Point2f this[int index] => new(xy[2 * index], xy[(2 * index) + 1]);

    public Point2f LeftEye => Mean(37, 38, 40, 41);

    public Point2f RightEye => Mean(43, 44, 46, 47);

    public Point2f Nose => this[30];

    public Point2f MouthLeft => Mid(48, 60);

    public Point2f MouthRight => Mid(54, 64);

    /// <summary>Distance between the eye centres, the unit for motion measures.</summary>
    public float InterOcular
    {
        get
        {
            var l = LeftEye;
            var r = RightEye;
            return MathF.Sqrt(((r.X - l.X) * (r.X - l.X)) + ((r.Y - l.Y) * (r.Y - l.Y)));
        }
    }

    /// <summary>Head yaw proxy in -1..1: where the nose tip sits between the jaw's ends (0 = frontal; positive = nose toward image right).</summary>
    public float YawProxy
    {
        get
        {
            var left = this[0].X;
            var right = this[16].X;
            var span = right - left;
            return span <= 1 ? 0 : ((2 * (Nose.X - left)) / span) - 1;
        }
    }

    /// <summary>Eyelid opening over eye width (iBUG eye aspect ratio), mean of both eyes: about 0.3 open, near 0 shut.</summary>
    public float EyeAspect => (Aspect(36, 37, 38, 39, 40, 41) + Aspect(42, 43, 44, 45, 46, 47)) / 2;

    /// <summary>Mean gap between the inner lips (61-67, 62-66, 63-65), in pixels.</summary>
    public float MouthGap => (Distance(61, 67) + Distance(62, 66) + Distance(63, 65)) / 3;

    /// <summary>How far the mouth corners (48, 54) sit below the middle of the upper lip (50-52), in pixels: a smile lifts them.</summary>
    public float CornerDrop => ((xy[(2 * 48) + 1] + xy[(2 * 54) + 1]) / 2) - ((xy[(2 * 50) + 1] + xy[(2 * 51) + 1] + xy[(2 * 52) + 1]) / 3);

    /// <summary>Mouth corner to corner (48-54), in pixels.</summary>
    public float MouthWidth => Distance(48, 54);

    public void FivePoints(Span<Point2f> points)
    {
        points[0] = LeftEye;
        points[1] = RightEye;
        points[2] = Nose;
        points[3] = MouthLeft;
        points[4] = MouthRight;
    }

    public void CopyTo(Span<Point2f> points)
    {
        for (var i = 0; i < Count; i++)
        {
            points[i] = this[i];
        }
    }

    private float Distance(int a, int b)
    {
        var dx = xy[2 * a] - xy[2 * b];
        var dy = xy[(2 * a) + 1] - xy[(2 * b) + 1];
        return MathF.Sqrt((dx * dx) + (dy * dy));
    }

    // Two lid-to-lid heights over the corner-to-corner width of one eye (corner, two upper lid points, corner, two lower).
    private float Aspect(int corner, int upper1, int upper2, int otherCorner, int lower2, int lower1) =>
        (Distance(upper1, lower1) + Distance(upper2, lower2)) / Math.Max(1e-3f, 2 * Distance(corner, otherCorner));

    private Point2f Mean(int a, int b, int c, int d) =>
        new((xy[2 * a] + xy[2 * b] + xy[2 * c] + xy[2 * d]) / 4, (xy[(2 * a) + 1] + xy[(2 * b) + 1] + xy[(2 * c) + 1] + xy[(2 * d) + 1]) / 4);

    private Point2f Mid(int a, int b) => new((xy[2 * a] + xy[2 * b]) / 2, (xy[(2 * a) + 1] + xy[(2 * b) + 1]) / 2);
}
