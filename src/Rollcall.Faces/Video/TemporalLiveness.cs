using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>How much the face changes between frames beyond what moving a flat picture explains.</summary>
/// <param name="LandmarkResidual">Median RMS landmark error (percent of the eye distance) left after the best homography between consecutive frames: a photo or screen is a plane, so its landmarks move by a homography.</param>
/// <param name="AppearanceChange">Second-highest, over consecutive frame pairs, mean absolute difference (0-255) of the face after registering one frame onto the other by the best homography: a flat picture, however moved, leaves little.</param>
/// <param name="LocalChange">Second-highest, over the pairs, of how much the most-changed cell of a 4x4 grid on the registered face exceeds the median cell (0-255): an eye or mouth that moves changes one place, sensor noise or a moved picture every place alike.</param>
public sealed record TemporalMotion(double LandmarkResidual, double AppearanceChange, int Pairs, double LocalChange = 0)
{
    public static TemporalMotion None { get; } = new(0, 0, 0);

    /// <summary>The motion score compared with LIVENESS_MIN_MOTION (the appearance change), one of the passive decision's three ways to live (PassiveLiveness).</summary>
    public double Score => AppearanceChange;
}

/// <summary>Measures non-rigid motion across frames: a still photo replayed as a video moves (at most) rigidly.</summary>
public static class TemporalLiveness
{
    /// <summary>Side of the grey face crops compared (the 112x112 aligned crop halved: enough detail, 4x cheaper registration).</summary>
    public const int CropSide = 56;

    private static readonly TermCriteria Convergence = new(CriteriaTypes.Count | CriteriaTypes.Eps, 10, 1e-3);

    /// <summary>The motion over consecutive frames (landmarks and aligned grey crops of equal count, in clip order).</summary>
    public static TemporalMotion Measure(IReadOnlyList<FaceLandmarks> landmarks, IReadOnlyList<Mat> alignedGrayCrops)
    {
        var pairs = landmarks.Count - 1;
        if (pairs < 1)
        {
            return TemporalMotion.None;
        }

        var residuals = new double[pairs];
        var changes = new double[pairs];
        var locals = new double[pairs];
        var from = new Point2f[FaceLandmarks.Count];
        var to = new Point2f[FaceLandmarks.Count];
        for (var i = 0; i < pairs; i++)
        {
            (residuals[i], changes[i], locals[i]) = Pair(landmarks[i], landmarks[i + 1], alignedGrayCrops[i], alignedGrayCrops[i + 1], from, to);
        }

        return Summarize(residuals, changes, locals);
    }

    /// <summary>One consecutive pair: landmark residual (percent of the eye distance), appearance change and local change (0-255).</summary>
    internal static (double Residual, double Change, double Local) Pair(FaceLandmarks a, FaceLandmarks b, Mat cropA, Mat cropB, Point2f[] from, Point2f[] to)
    {
        a.CopyTo(from);
        b.CopyTo(to);
        var (change, local) = RegisteredDifference(cropA, cropB);
        return (HomographyResidual(from, to) * 100 / Math.Max(1, b.InterOcular), change, local);
    }

    internal static TemporalMotion Summarize(Span<double> residuals, Span<double> changes, Span<double> locals) =>
        residuals.Length < 1 ? TemporalMotion.None : new TemporalMotion(Median(residuals), SecondHighest(changes), residuals.Length, SecondHighest(locals));

    private static double HomographyResidual(Point2f[] from, Point2f[] to)
    {
        using var src = InputArray.Create(from);
        using var dst = InputArray.Create(to);
        using var h = Cv2.FindHomography(src, dst, HomographyMethods.None);
        if (h.Empty())
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < from.Length; i++)
        {
            var x = from[i].X;
            var y = from[i].Y;
            var w = (h.At<double>(2, 0) * x) + (h.At<double>(2, 1) * y) + h.At<double>(2, 2);
            var px = ((h.At<double>(0, 0) * x) + (h.At<double>(0, 1) * y) + h.At<double>(0, 2)) / w;
            var py = ((h.At<double>(1, 0) * x) + (h.At<double>(1, 1) * y) + h.At<double>(1, 2)) / w;
            sum += ((px - to[i].X) * (px - to[i].X)) + ((py - to[i].Y) * (py - to[i].Y));
        }

        return Math.Sqrt(sum / from.Length);
    }

    // Registers b onto a with the best homography (ECC), then compares the inner part of the face: a flat picture leaves ~nothing.
    private static (double Mean, double Local) RegisteredDifference(Mat a, Mat b)
    {
        using var warp = Mat.Eye(3, 3, MatType.CV_32FC1).ToMat();
        using var registered = new Mat();
        try
        {
            // Consecutive aligned crops converge in a few iterations (scores on the synthetic clips are identical from 4 to 30).
            Cv2.FindTransformECC(a, b, warp, MotionTypes.Homography, Convergence, null, 3);
            Cv2.WarpPerspective(b, registered, warp, a.Size(), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
        }
        catch (OpenCVException)
        {
            // No convergence: the frames differ too much to be one moved picture; compare them as they are.
            b.CopyTo(registered);
        }

        var inner = new Rect(CropSide / 6, CropSide / 6, CropSide * 2 / 3, CropSide * 2 / 3);
        using var ra = new Mat(a, inner);
        using var rb = new Mat(registered, inner);
        using var diff = new Mat();
        Cv2.Absdiff(ra, rb, diff);
        return (Cv2.Mean(diff).Val0, LocalPeak(diff));
    }

    // The mean of the most-changed cell of a 4x4 grid minus the median cell's.
    private static double LocalPeak(Mat diff)
    {
        const int Grid = 4;
        Span<double> cells = stackalloc double[Grid * Grid];
        int cw = diff.Cols / Grid, ch = diff.Rows / Grid;
        for (var gy = 0; gy < Grid; gy++)
        {
            for (var gx = 0; gx < Grid; gx++)
            {
                using var cell = new Mat(diff, new Rect(gx * cw, gy * ch, cw, ch));
                cells[(gy * Grid) + gx] = Cv2.Mean(cell).Val0;
            }
        }

        cells.Sort();
        return cells[^1] - ((cells[(Grid * Grid / 2) - 1] + cells[Grid * Grid / 2]) / 2);
    }

    // Robust to one odd pair (a failed registration), yet a live face only has to change clearly twice.
    private static double SecondHighest(Span<double> values)
    {
        values.Sort();
        return values.Length == 1 ? values[0] : values[^2];
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
