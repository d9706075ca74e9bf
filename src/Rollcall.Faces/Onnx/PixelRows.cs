using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Per-channel (pixel - mean) * scale in output channel order; RGB output reads the BGR source's bytes 2,1,0.</summary>
internal readonly struct ChannelNormalization(bool toRgb, float mean0, float scale0, float mean1, float scale1, float mean2, float scale2)
{
    /// <summary>RGB, (px - 127) / 128: detector and embedder.</summary>
    public static ChannelNormalization Centered { get; } = new(true, 127f, 1f / 128f, 127f, 1f / 128f, 127f, 1f / 128f);

    /// <summary>BGR, raw 0..255: liveness (BGR measured better than the JS's RGB).</summary>
    public static ChannelNormalization RawBgr { get; } = new(false, 0f, 1f, 0f, 1f, 0f, 1f);

    /// <summary>RGB, ImageNet mean and deviation: pose.</summary>
    public static ChannelNormalization ImageNet { get; } = new(true, 0.485f * 255f, 1f / (0.229f * 255f), 0.456f * 255f, 1f / (0.224f * 255f), 0.406f * 255f, 1f / (0.225f * 255f));

    public void Row(ReadOnlySpan<byte> bgr, Span<float> plane0, Span<float> plane1, Span<float> plane2)
    {
        var first = toRgb ? 2 : 0;
        var last = toRgb ? 0 : 2;
        var m0 = mean0;
        var s0 = scale0;
        var m1 = mean1;
        var s1 = scale1;
        var m2 = mean2;
        var s2 = scale2;
        for (int x = 0, i = 0; x < plane0.Length; x++, i += 3)
        {
            plane0[x] = (bgr[i + first] - m0) * s0;
            plane1[x] = (bgr[i + 1] - m1) * s1;
            plane2[x] = (bgr[i + last] - m2) * s2;
        }
    }
}

/// <summary>Row-by-row conversions of OpenCV images into planar float tensors.</summary>
internal static class PixelRows
{
    /// <summary>Writes a continuous 8-bit BGR image as three planes (CHW) into <paramref name="destination"/>.</summary>
    public static unsafe void ToPlanar(Mat bgr, Span<float> destination, in ChannelNormalization normalization)
    {
        var width = bgr.Cols;
        var height = bgr.Rows;
        var plane = width * height;
        var p0 = destination[..plane];
        var p1 = destination.Slice(plane, plane);
        var p2 = destination.Slice(2 * plane, plane);
        for (var y = 0; y < height; y++)
        {
            var row = new ReadOnlySpan<byte>((void*)bgr.Ptr(y), width * 3);
            var offset = y * width;
            normalization.Row(row, p0.Slice(offset, width), p1.Slice(offset, width), p2.Slice(offset, width));
        }
    }

    /// <summary>Writes an 8-bit single-channel image as px * scale into <paramref name="destination"/>.</summary>
    public static unsafe void ToGray(Mat gray, Span<float> destination, float scale)
    {
        var width = gray.Cols;
        var height = gray.Rows;
        for (var y = 0; y < height; y++)
        {
            var row = new ReadOnlySpan<byte>((void*)gray.Ptr(y), width);
            var dest = destination.Slice(y * width, width);
            for (var x = 0; x < row.Length; x++)
            {
                dest[x] = row[x] * scale;
            }
        }
    }

    /// <summary>Softmax probability of <paramref name="index"/> over <paramref name="logits"/>.</summary>
    public static float Softmax(ReadOnlySpan<float> logits, int index)
    {
        var max = float.MinValue;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }

        var sum = 0f;
        foreach (var v in logits)
        {
            sum += MathF.Exp(v - max);
        }

        return MathF.Exp(logits[index] - max) / sum;
    }
}
