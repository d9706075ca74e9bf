using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Eye open/closed model (class 1 = open) on 24x24 grayscale crops; the first eye's crop is mirrored, as measured.</summary>
internal sealed class EyeStateModel(OnnxModel model)
{
    private const int Side = 24;
    private const float Padding = 1.6f;

    /// <summary>Mean probability that the eyes are open.</summary>
    public float OpenProbability(Mat bgr, FaceLandmarks landmarks)
    {
        var first = Eye(bgr, landmarks.LeftEye, landmarks[39].X - landmarks[36].X, mirror: true);
        var second = Eye(bgr, landmarks.RightEye, landmarks[45].X - landmarks[42].X, mirror: false);
        return (first + second) / 2;
    }

    private float Eye(Mat bgr, Point2f centre, float eyeWidth, bool mirror)
    {
        var side = (int)Math.Max(4, eyeWidth * Padding);
        side = Math.Min(side, Math.Min(bgr.Cols, bgr.Rows) - 1);
        var x = Math.Clamp((int)(centre.X - (side / 2f)), 0, bgr.Cols - side);
        var y = Math.Clamp((int)(centre.Y - (side / 2f)), 0, bgr.Rows - side);
        var input = OnnxModel.Rent(model.InputLength);
        var output = OnnxModel.Rent(model.OutputLengths[0]);
        try
        {
            using (var roi = new Mat(bgr, new Rect(x, y, side, side)))
            using (var resized = new Mat())
            using (var gray = new Mat())
            {
                Cv2.Resize(roi, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Linear);
                Cv2.CvtColor(resized, gray, ColorConversionCodes.BGR2GRAY);
                if (mirror)
                {
                    Cv2.Flip(gray, gray, FlipMode.Y);
                }

                PixelRows.ToGray(gray, input, 1f / 255f);
            }

            model.Run(input, output);
            return PixelRows.Softmax(output.AsSpan(0, model.OutputLengths[0]), 1);
        }
        finally
        {
            OnnxModel.Return(output);
            OnnxModel.Return(input);
        }
    }
}
