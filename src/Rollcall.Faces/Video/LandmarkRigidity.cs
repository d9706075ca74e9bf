using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>
/// How far the eyelids and mouth moved against the rest of the face since a reference frame: the face's rigid points (upper
/// outline, nose, eye corners) are mapped onto the reference's by the best homography, and the eyelid and lip points are compared
/// there. A photo, however moved or tilted, is a plane, so a homography explains every point and only landmark jitter is left.
/// </summary>
internal static class LandmarkRigidity
{
    // Points that move with the skull: the outline above the jaw, the nose, the eye corners.
    private static readonly int[] Rigid = [0, 1, 2, 3, 4, 12, 13, 14, 15, 16, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 42, 45];

    // Points a face moves on its own: the eyelids and the lips.
    private static readonly int[] Moving = [37, 38, 40, 41, 43, 44, 46, 47, .. Enumerable.Range(48, 20)];

    /// <summary>RMS distance (percent of the eye distance) of the eyelid and lip points from where the reference's rigid points put them.</summary>
    public static float Residual(FaceLandmarks reference, FaceLandmarks landmarks)
    {
        var from = new Point2f[Rigid.Length];
        var to = new Point2f[Rigid.Length];
        for (var i = 0; i < Rigid.Length; i++)
        {
            from[i] = landmarks[Rigid[i]];
            to[i] = reference[Rigid[i]];
        }

        using var src = InputArray.Create(from);
        using var dst = InputArray.Create(to);
        using var h = Cv2.FindHomography(src, dst, HomographyMethods.None);
        if (h.Empty())
        {
            return 0;
        }

        double h00 = h.At<double>(0, 0), h01 = h.At<double>(0, 1), h02 = h.At<double>(0, 2);
        double h10 = h.At<double>(1, 0), h11 = h.At<double>(1, 1), h12 = h.At<double>(1, 2);
        double h20 = h.At<double>(2, 0), h21 = h.At<double>(2, 1), h22 = h.At<double>(2, 2);
        var sum = 0.0;
        foreach (var m in Moving)
        {
            var p = landmarks[m];
            var q = reference[m];
            var w = (h20 * p.X) + (h21 * p.Y) + h22;
            var x = ((h00 * p.X) + (h01 * p.Y) + h02) / w;
            var y = ((h10 * p.X) + (h11 * p.Y) + h12) / w;
            sum += ((x - q.X) * (x - q.X)) + ((y - q.Y) * (y - q.Y));
        }

        return (float)(Math.Sqrt(sum / Moving.Length) * 100 / Math.Max(1, reference.InterOcular));
    }
}
