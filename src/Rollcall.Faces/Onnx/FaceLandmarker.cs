using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>68-point landmarks from a 64x64 grayscale square crop around the detected box.</summary>
internal sealed class FaceLandmarker(OnnxModel model)
{
    private const int Side = 64;

    public FaceLandmarks Predict(Mat bgr, in FaceBox box)
    {
        var crop = box.SquareCrop(1f, bgr.Cols, bgr.Rows);
        var input = OnnxModel.Rent(model.InputLength);
        var output = OnnxModel.Rent(model.OutputLengths[0]);
        try
        {
            using (var roi = new Mat(bgr, crop))
            using (var resized = new Mat())
            using (var gray = new Mat())
            {
                Cv2.Resize(roi, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Linear);
                Cv2.CvtColor(resized, gray, ColorConversionCodes.BGR2GRAY);
                PixelRows.ToGray(gray, input, 1f / 256f);
            }

            model.Run(input, output);
            var xy = new float[FaceLandmarks.Count * 2];
            for (var i = 0; i < FaceLandmarks.Count; i++)
            {
                xy[2 * i] = (output[2 * i] * crop.Width) + crop.X;
                xy[(2 * i) + 1] = (output[(2 * i) + 1] * crop.Height) + crop.Y;
            }

            return new FaceLandmarks(xy);
        }
        finally
        {
            OnnxModel.Return(output);
            OnnxModel.Return(input);
        }
    }
}
