using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>Measures TemporalLiveness frame by frame as frames arrive, so the registration overlaps decoding.</summary>
internal sealed class TemporalMotionMeter(int capacity) : IDisposable
{
    private readonly double[] residuals = new double[Math.Max(1, capacity)];
    private readonly double[] changes = new double[Math.Max(1, capacity)];
    private readonly double[] locals = new double[Math.Max(1, capacity)];
    private readonly Point2f[] from = new Point2f[FaceLandmarks.Count];
    private readonly Point2f[] to = new Point2f[FaceLandmarks.Count];
    private readonly Size side = new(TemporalLiveness.CropSide, TemporalLiveness.CropSide);
    private Mat? previousCrop;
    private FaceLandmarks? previousLandmarks;
    private int pairs;

    /// <summary>Aligns the face, shrinks it to a grey crop and registers it onto the previous frame's.</summary>
    public void Add(Mat bgr, FaceLandmarks landmarks)
    {
        using var aligned = FaceEmbedder.Align(bgr, landmarks);
        if (aligned is null)
        {
            return;
        }

        var crop = new Mat();
        using (var gray = new Mat())
        {
            Cv2.CvtColor(aligned, gray, ColorConversionCodes.BGR2GRAY);
            Cv2.Resize(gray, crop, side, 0, 0, InterpolationFlags.Area);
        }

        if (previousCrop is not null && pairs < residuals.Length)
        {
            (residuals[pairs], changes[pairs], locals[pairs]) = TemporalLiveness.Pair(previousLandmarks!, landmarks, previousCrop, crop, from, to);
            pairs++;
        }

        previousCrop?.Dispose();
        previousCrop = crop;
        previousLandmarks = landmarks;
    }

    public TemporalMotion Result() => TemporalLiveness.Summarize(residuals.AsSpan(0, pairs), changes.AsSpan(0, pairs), locals.AsSpan(0, pairs));

    public void Dispose() => previousCrop?.Dispose();
}
