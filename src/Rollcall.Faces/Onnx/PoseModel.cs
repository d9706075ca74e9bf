using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Head-pose model (66 bins of 3 degrees per angle): yaw in degrees from a 1.5x crop around the box.</summary>
internal sealed class PoseModel(OnnxModel model)
{
    private const int Side = 224;

    public float YawDegrees(Mat bgr, in FaceBox box)
    {
        var w = box.Width;
        var h = box.Height;
        var x1 = (int)Math.Max(0, box.X1 - (w / 4));
        var y1 = (int)Math.Max(0, box.Y1 - (h / 4));
        var x2 = (int)Math.Min(bgr.Cols, box.X2 + (w / 4));
        var y2 = (int)Math.Min(bgr.Rows, box.Y2 + (h / 4));
        var input = OnnxModel.Rent(model.InputLength);
        var yaw = OnnxModel.Rent(model.OutputLengths[0]);
        var pitch = OnnxModel.Rent(model.OutputLengths[1]);
        var roll = OnnxModel.Rent(model.OutputLengths[2]);
        try
        {
            using (var roi = new Mat(bgr, new Rect(x1, y1, Math.Max(1, x2 - x1), Math.Max(1, y2 - y1))))
            using (var resized = new Mat())
            {
                Cv2.Resize(roi, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Linear);
                PixelRows.ToPlanar(resized, input, ChannelNormalization.ImageNet);
            }

            model.Run(input, yaw, pitch, roll);
            var bins = model.OutputLengths[0];
            var expected = 0f;
            for (var i = 0; i < bins; i++)
            {
                expected += PixelRows.Softmax(yaw.AsSpan(0, bins), i) * i;
            }

            return (expected * 3) - 99;
        }
        finally
        {
            OnnxModel.Return(roll);
            OnnxModel.Return(pitch);
            OnnxModel.Return(yaw);
            OnnxModel.Return(input);
        }
    }
}
