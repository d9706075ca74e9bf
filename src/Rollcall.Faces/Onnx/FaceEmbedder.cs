using System.Numerics.Tensors;
using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>5-point similarity alignment to 112x112 and the 512-d embedding, L2-normalised.</summary>
internal sealed class FaceEmbedder(OnnxModel model)
{
    public const int Dimensions = 512;
    private const int Side = 112;

    // The reference points of the 112x112 ArcFace-style crop (from fr_feature.js).
    private static readonly Point2f[] Reference =
    [
        new(38.2946f, 51.6963f), new(73.5318f, 51.5014f), new(56.0252f, 71.7366f), new(41.5493f, 92.3655f), new(70.7299f, 92.2041f),
    ];

    /// <summary>Writes the L2-normalised embedding into <paramref name="embedding"/>; false when no transform could be estimated.</summary>
    public bool Embed(Mat bgr, FaceLandmarks landmarks, Span<float> embedding)
    {
        using var aligned = Align(bgr, landmarks);
        if (aligned is null)
        {
            return false;
        }

        var input = OnnxModel.Rent(model.InputLength);
        var output = OnnxModel.Rent(model.OutputLengths[0]);
        try
        {
            PixelRows.ToPlanar(aligned, input, ChannelNormalization.Centered);
            model.Run(input, output);
            var raw = output.AsSpan(0, Dimensions);
            var norm = TensorPrimitives.Norm(raw);
            if (norm <= 0 || !float.IsFinite(norm))
            {
                return false;
            }

            TensorPrimitives.Divide(raw, norm, embedding);
            return true;
        }
        finally
        {
            OnnxModel.Return(output);
            OnnxModel.Return(input);
        }
    }

    /// <summary>The face warped onto the reference points by a least-squares similarity transform over all five points.</summary>
    public static Mat? Align(Mat bgr, FaceLandmarks landmarks)
    {
        Span<Point2f> points = stackalloc Point2f[5];
        landmarks.FivePoints(points);
        using var from = InputArray.Create(points.ToArray());
        using var to = InputArray.Create(Reference);

        // A huge reprojection threshold keeps all five points as inliers, so the refinement is a plain least-squares fit.
        using var transform = Cv2.EstimateAffinePartial2D(from, to, null, RobustEstimationAlgorithms.RANSAC, 1e6, 2000, 0.99, 10);
        if (transform is null || transform.Empty())
        {
            return null;
        }

        var aligned = new Mat();
        Cv2.WarpAffine(bgr, aligned, transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return aligned;
    }
}
