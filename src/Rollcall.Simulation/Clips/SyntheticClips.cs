using System.Diagnostics;
using System.Runtime.InteropServices;
using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Simulation.Clips;

/// <summary>
/// Video notes made from photos (H.264 by ffmpeg, 384x384, 30 fps) for the demo and the load test.
/// They are not recordings: a "live-like" clip cross-fades photos of one person with small jitter, a replay holds one photo.
/// </summary>
public sealed class SyntheticClips(FaceEngine engine)
{
    public const int Side = 384;

    /// <summary>
    /// LIVENESS_MIN_MOTION for hosts whose notes are these clips: they test the bots, not liveness, and a cross-fade of two photos
    /// changes once (motion 5-7.5), under the default 7.5 set on real recordings. Liveness is measured on the recordings.
    /// </summary>
    public const double MinMotion = 5.0;
    private const int Fps = 30;
    private const int CropSide = 420;

    /// <summary>Photos of one person cross-faded with a slow jitter: non-rigid change, like a face that moves.</summary>
    public byte[] LiveLike(IReadOnlyList<string> photos, double seconds = 2.7)
    {
        var crops = photos.Select(FaceCrop).ToList();
        try
        {
            var frames = (int)(seconds * Fps);
            var perPhoto = (double)frames / crops.Count;
            return Write(frames, (i, frame) =>
            {
                var k = Math.Min(crops.Count - 1, (int)(i / perPhoto));
                var fade = Math.Clamp(((i / perPhoto) - k - 0.75) / 0.25, 0, 1);
                using var a = Jitter(crops[k], i, k);
                if (fade > 0 && k + 1 < crops.Count)
                {
                    using var b = Jitter(crops[k + 1], i, k + 1);
                    Cv2.AddWeighted(a, 1 - fade, b, fade, 0, frame);
                }
                else
                {
                    a.CopyTo(frame);
                }
            });
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }

    /// <summary>One photo held still in front of the camera.</summary>
    public byte[] Still(string photo, double seconds = 2.5)
    {
        using var crop = FaceCrop(photo);
        using var resized = crop.Resize(new Size(Side, Side), 0, 0, InterpolationFlags.Area);
        return Write((int)(seconds * Fps), (_, frame) => resized.CopyTo(frame));
    }

    // A square crop centred on the highest-scoring face, 2.2x its height, so cross-faded faces overlap.
    private Mat FaceCrop(string photo)
    {
        using var image = Cv2.ImRead(photo, ImreadModes.Color);
        if (image.Empty())
        {
            throw new InvalidOperationException($"Cannot read {photo}");
        }

        var boxes = new List<FaceBox>();
        engine.Detect(image, boxes);
        if (boxes.Count == 0)
        {
            throw new InvalidOperationException($"No face in {photo}");
        }

        var box = boxes.MaxBy(b => b.Score);
        var half = (int)(box.Height * 1.1f);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(image, padded, half, half, half, half, BorderTypes.Replicate);
        using var roi = new Mat(padded, new Rect((int)box.CenterX, (int)box.CenterY, 2 * half, 2 * half));
        return roi.Resize(new Size(CropSide, CropSide), 0, 0, InterpolationFlags.Area);
    }

    private static Mat Jitter(Mat crop, int frame, int phase)
    {
        var dx = 6 * Math.Sin((frame / 5.0) + phase);
        var dy = 4 * Math.Sin((frame / 7.0) + phase);
        var x = ((CropSide - Side) / 2.0) + dx;
        var y = ((CropSide - Side) / 2.0) + dy;
        using var shift = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, -x, 0, 1, -y });
        var output = new Mat();
        Cv2.WarpAffine(crop, output, shift, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
        return output;
    }

    /// <summary>One picture (Side x Side, BGR) held for the given time.</summary>
    public static byte[] Picture(Mat picture, double seconds) => Write((int)(seconds * Fps), (_, frame) => picture.CopyTo(frame));

    // H.264 as a phone sends it (the engine decodes nothing else): raw frames piped into ffmpeg's libx264.
    private static byte[] Write(int frames, Action<int, Mat> draw)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rollcall-clip-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in $"-hide_banner -loglevel error -f rawvideo -pix_fmt bgr24 -s {Side}x{Side} -r {Fps} -i pipe:0 -c:v libx264 -preset veryfast -pix_fmt yuv420p -an -y".Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(path);
        try
        {
            using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
            var errors = ffmpeg.StandardError.ReadToEndAsync();
            using (var input = ffmpeg.StandardInput.BaseStream)
            using (var frame = new Mat(Side, Side, MatType.CV_8UC3))
            {
                var buffer = new byte[Side * Side * 3];
                for (var i = 0; i < frames; i++)
                {
                    draw(i, frame);
                    Marshal.Copy(frame.Data, buffer, 0, buffer.Length);
                    input.Write(buffer);
                }
            }

            ffmpeg.WaitForExit();
            return ffmpeg.ExitCode == 0
                ? File.ReadAllBytes(path)
                : throw new InvalidOperationException($"ffmpeg could not encode a clip: {errors.GetAwaiter().GetResult()}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("ffmpeg not found: apt-get install ffmpeg", ex);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
