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

    // The note's first followed face: the shape every later frame's eyelids and lips are compared with.
    private FaceLandmarks? reference;

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
        Add(image, index, face.Landmarks!);
    }

    /// <summary>A frame between detections: followed from the last landmarks, or detected when the track was lost.</summary>
    public void AddTracked(Mat image, int index)
    {
        if (tracker.Tracking)
        {
            var landmarks = engine.Landmarks(image, tracker.Predict());
            if (tracker.Follow(landmarks))
            {
                Add(image, index, landmarks);
                return;
            }
        }

        Redetected++;
        AddDetected(image, index, ImageFace.Find(engine, image, boxes, minFacePixels));
    }

    private void Add(Mat image, int index, FaceLandmarks landmarks)
    {
        reference ??= landmarks;
        Signals.Add(FaceSignals.Of(index, landmarks, engine.EyesOpen(image, landmarks), reference));
    }
}
