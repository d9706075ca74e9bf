using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>
/// Follows one face between detections: the next frame's box is placed where the last landmarks were, in the relation the last
/// detection had to its own landmarks, so the landmark model sees the crop it was trained on without running the detector.
/// </summary>
internal sealed class FaceTracker
{
    // A frame's landmarks are trusted only when their extent stays this close to the previous frame's (else the face is lost).
    private const float MaxGrowth = 1.3f;
    private const float MaxShift = 0.35f;

    private float dx, dy, width, height;
    private LandmarkExtent last;

    public bool Tracking { get; private set; }

    /// <summary>A detected face and its landmarks: the relation between the two is kept for the frames that follow.</summary>
    public void Anchor(in FaceBox box, FaceLandmarks landmarks)
    {
        var e = LandmarkExtent.Of(landmarks);
        dx = (box.CenterX - e.CenterX) / e.Size;
        dy = (box.CenterY - e.CenterY) / e.Size;
        width = box.Width / e.Size;
        height = box.Height / e.Size;
        last = e;
        Tracking = true;
    }

    /// <summary>No single face in the last frame: the next one is detected.</summary>
    public void Lose() => Tracking = false;

    /// <summary>Where the detector would put the face now, judging by the last landmarks.</summary>
    public FaceBox Predict()
    {
        float cx = last.CenterX + (dx * last.Size), cy = last.CenterY + (dy * last.Size);
        float w = width * last.Size, h = height * last.Size;
        return new FaceBox(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2), 1);
    }

    /// <summary>Takes a tracked frame's landmarks; false (and the track lost) when they jumped too far to be the same face.</summary>
    public bool Follow(FaceLandmarks landmarks)
    {
        var e = LandmarkExtent.Of(landmarks);
        var growth = e.Size / Math.Max(1f, last.Size);
        var shift = MathF.Sqrt(((e.CenterX - last.CenterX) * (e.CenterX - last.CenterX)) + ((e.CenterY - last.CenterY) * (e.CenterY - last.CenterY))) / Math.Max(1f, last.Size);
        Tracking = growth < MaxGrowth && growth > 1 / MaxGrowth && shift < MaxShift;
        if (Tracking)
        {
            last = e;
        }

        return Tracking;
    }

    private readonly record struct LandmarkExtent(float CenterX, float CenterY, float Size)
    {
        public static LandmarkExtent Of(FaceLandmarks landmarks)
        {
            float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
            for (var i = 0; i < FaceLandmarks.Count; i++)
            {
                var p = landmarks[i];
                minX = Math.Min(minX, p.X);
                maxX = Math.Max(maxX, p.X);
                minY = Math.Min(minY, p.Y);
                maxY = Math.Max(maxY, p.Y);
            }

            return new LandmarkExtent((minX + maxX) / 2, (minY + maxY) / 2, Math.Max(1f, Math.Max(maxX - minX, maxY - minY)));
        }
    }
}
