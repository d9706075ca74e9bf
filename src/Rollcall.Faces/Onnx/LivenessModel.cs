using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Passive anti-spoof model: probability that the face is real (class 0), from a 2.7x crop in BGR.</summary>
internal sealed class LivenessModel(OnnxModel model)
{
    private const int Side = 128;
    private const float CropScale = 2.7f;

    public float RealProbability(Mat bgr, in FaceBox box)
    {
        var crop = box.SquareCrop(CropScale, bgr.Cols, bgr.Rows);
        var input = OnnxModel.Rent(model.InputLength);
        var output = OnnxModel.Rent(model.OutputLengths[0]);
        try
        {
            using (var roi = new Mat(bgr, crop))
            using (var resized = new Mat())
            {
                Cv2.Resize(roi, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Linear);
                PixelRows.ToPlanar(resized, input, ChannelNormalization.RawBgr);
            }

            model.Run(input, output);
            return PixelRows.Softmax(output.AsSpan(0, model.OutputLengths[0]), 0);
        }
        finally
        {
            OnnxModel.Return(output);
            OnnxModel.Return(input);
        }
    }
}
