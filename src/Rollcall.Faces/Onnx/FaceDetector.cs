using System.Buffers;
using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Ultra-light RFB-320 face detector: score threshold, then standard IoU NMS in score order.</summary>
internal sealed class FaceDetector(OnnxModel model, float scoreThreshold = 0.65f, float nmsThreshold = 0.4f)
{
    private const int InputWidth = 320;
    private const int InputHeight = 240;
    private static readonly Comparison<FaceBox> ByScoreDescending = static (a, b) => b.Score.CompareTo(a.Score);

    /// <summary>Clears <paramref name="faces"/> and fills it with the faces found, highest score first.</summary>
    public void Detect(Mat bgr, List<FaceBox> faces)
    {
        faces.Clear();
        var input = OnnxModel.Rent(model.InputLength);
        var scores = OnnxModel.Rent(model.OutputLengths[0]);
        var boxes = OnnxModel.Rent(model.OutputLengths[1]);
        try
        {
            using (var resized = new Mat())
            {
                Cv2.Resize(bgr, resized, new Size(InputWidth, InputHeight), 0, 0, InterpolationFlags.Linear);
                PixelRows.ToPlanar(resized, input, ChannelNormalization.Centered);
            }

            model.Run(input, scores, boxes);
            Collect(scores, boxes, bgr.Cols, bgr.Rows, faces);
        }
        finally
        {
            OnnxModel.Return(boxes);
            OnnxModel.Return(scores);
            OnnxModel.Return(input);
        }
    }

    private void Collect(float[] scores, float[] boxes, int width, int height, List<FaceBox> faces)
    {
        var anchors = model.OutputLengths[0] / 2;
        var candidates = ArrayPool<FaceBox>.Shared.Rent(anchors);
        try
        {
            var count = 0;
            for (var i = 0; i < anchors; i++)
            {
                var score = scores[(2 * i) + 1];
                if (score < scoreThreshold)
                {
                    continue;
                }

                var b = 4 * i;
                var x1 = Math.Clamp(boxes[b] * width, 0, width - 1);
                var y1 = Math.Clamp(boxes[b + 1] * height, 0, height - 1);
                var x2 = Math.Clamp(boxes[b + 2] * width, 0, width - 1);
                var y2 = Math.Clamp(boxes[b + 3] * height, 0, height - 1);
                if (x2 - x1 >= 2 && y2 - y1 >= 2)
                {
                    candidates[count++] = new FaceBox(x1, y1, x2, y2, score);
                }
            }

            var span = candidates.AsSpan(0, count);
            span.Sort(ByScoreDescending);
            for (var i = 0; i < span.Length; i++)
            {
                var keep = true;
                foreach (var kept in faces)
                {
                    if (kept.IoU(span[i]) > nmsThreshold)
                    {
                        keep = false;
                        break;
                    }
                }

                if (keep)
                {
                    faces.Add(span[i]);
                }
            }
        }
        finally
        {
            ArrayPool<FaceBox>.Shared.Return(candidates);
        }
    }
}
