using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>The moving parts of one frame's face, for the challenge's detectors; lengths are in eye distances, so any size compares.</summary>
/// <param name="Index">The frame's index in presentation order.</param>
/// <param name="EyesOpen">The eye model's open probability, mean of both eyes (fr_eye on the full-size frame).</param>
/// <param name="EyeAspect">Eyelid opening over eye width from the landmarks, mean of both eyes.</param>
/// <param name="MouthOpen">Gap between the inner lips.</param>
/// <param name="MouthWidth">Mouth corner to corner.</param>
/// <param name="CornerDrop">How far the mouth corners sit below the middle of the upper lip.</param>
/// <param name="ShapeChange">How far the eyelids and lips moved against the rest of the face since the note's first followed frame
/// (<see cref="LandmarkRigidity"/>, percent of the eye distance): a photo moved in a hand keeps its shape.</param>
public readonly record struct FaceSignals(int Index, float EyesOpen, float EyeAspect, float MouthOpen, float MouthWidth, float CornerDrop, float ShapeChange = 0)
{
    public static FaceSignals Of(int index, FaceLandmarks landmarks, float eyesOpen, FaceLandmarks? reference = null)
    {
        var unit = Math.Max(1f, landmarks.InterOcular);
        var shape = reference is null ? 0 : LandmarkRigidity.Residual(reference, landmarks);
        return new FaceSignals(index, eyesOpen, landmarks.EyeAspect, landmarks.MouthGap / unit, landmarks.MouthWidth / unit, landmarks.CornerDrop / unit, shape);
    }
}
