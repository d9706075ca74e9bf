using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>
/// The face's moving parts over a note, for the challenge: a detected frame anchors the tracker, a frame in between is followed from
/// the last landmarks (landmarks and eye model only, no detector), and a lost face is detected again.
/// </summary>
internal sealed class ChallengeFrames(FaceEngine engine, int minFacePixels, int capacity)
{
    private readonly FaceTracker tracker = new();
    private readonly List<FaceBox> boxes = [];

    public List<FaceSignals> Signals { get; } = new(capacity);

    /// <summary>Frames whose face was found by the detector again because the track was lost (for the bench).</summary>
    public int Redetected { get; private set; }

    /// <summary>A frame the detector has already judged: one face anchors the track, anything else breaks it.</summary>
    public void AddDetected(Mat image, int index, ImageFace face)
    {
        if (face.Finding != FaceFinding.One)
        {
            tracker.Lose();
            return;
        }

        tracker.Anchor(face.Box, face.Landmarks!);
        Signals.Add(FaceSignals.Of(index, face.Landmarks!, engine.EyesOpen(image, face.Landmarks!)));
    }

    /// <summary>A frame between detections: followed from the last landmarks, or detected when the track was lost.</summary>
    public void AddTracked(Mat image, int index)
    {
        if (tracker.Tracking)
        {
            var landmarks = engine.Landmarks(image, tracker.Predict());
            if (tracker.Follow(landmarks))
            {
                Signals.Add(FaceSignals.Of(index, landmarks, engine.EyesOpen(image, landmarks)));
                return;
            }
        }

        Redetected++;
        AddDetected(image, index, ImageFace.Find(engine, image, boxes, minFacePixels));
    }
}
