using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces;

/// <summary>How the faces in one image were judged.</summary>
public enum FaceFinding
{
    One,
    None,
    Several,
    TooSmall,
}

/// <summary>The face chosen in one image (highest detection score) and what else was seen.</summary>
public sealed record ImageFace(FaceFinding Finding, int FaceCount, FaceBox Box, FaceLandmarks? Landmarks)
{
    /// <summary>Another face counts when its box is at least this fraction of the chosen face's height...</summary>
    public const float ComparableSize = 0.6f;

    /// <summary>...and the detector is this sure of it (a blurred background region in shared/faces scores 0.986).</summary>
    public const float ComparableScore = 0.99f;

    public static ImageFace Decide(IReadOnlyList<FaceBox> faces, int minFacePixels)
    {
        if (faces.Count == 0)
        {
            return new ImageFace(FaceFinding.None, 0, default, null);
        }

        // Pick by detection score, not size: a blurred background region can score high with a larger box.
        var best = faces[0];
        var comparable = 1;
        for (var i = 1; i < faces.Count; i++)
        {
            if (faces[i].Height >= ComparableSize * best.Height && faces[i].Score >= ComparableScore)
            {
                comparable++;
            }
        }

        var finding = comparable > 1 ? FaceFinding.Several : best.Height < minFacePixels ? FaceFinding.TooSmall : FaceFinding.One;
        return new ImageFace(finding, faces.Count, best, null);
    }

    /// <summary>Detects, decides and (for one face) adds the landmarks.</summary>
    public static ImageFace Find(FaceEngine engine, Mat bgr, List<FaceBox> scratch, int minFacePixels)
    {
        engine.Detect(bgr, scratch);
        var face = Decide(scratch, minFacePixels);
        return face.Finding == FaceFinding.One ? face with { Landmarks = engine.Landmarks(bgr, face.Box) } : face;
    }
}
