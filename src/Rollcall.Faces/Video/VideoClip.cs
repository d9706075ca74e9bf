using System.Diagnostics.CodeAnalysis;
using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>One decoded frame of a clip; the consumer disposes it.</summary>
public sealed record VideoFrame(int Index, Mat Image) : IDisposable
{
    public void Dispose() => Image.Dispose();
}

/// <summary>An MP4 clip opened with OpenCV's built-in FFmpeg from a private temp file that is deleted on dispose.</summary>
public sealed class VideoClip : IDisposable
{
    // CAP_PROP_N_THREADS, an open parameter that OpenCvSharp's VideoCaptureProperties does not name.
    private const int DecoderThreadsProperty = 70;

    private readonly string path;
    private readonly VideoCapture capture;

    private VideoClip(string path, VideoCapture capture)
    {
        this.path = path;
        this.capture = capture;
        Fps = capture.Get(VideoCaptureProperties.Fps);
        FrameCount = (int)Math.Max(0, capture.Get(VideoCaptureProperties.FrameCount));
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
    }

    public double Fps { get; }

    /// <summary>Frame count claimed by the container (a truncated file claims more than it holds).</summary>
    public int FrameCount { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frames of the clip decoded, or skipped by the decoder, so far: the position reached.</summary>
    public int DecodedFrames { get; private set; }

    /// <summary>Opens the clip, or says why it is not a video this engine takes.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> bytes, int maxBytes, [NotNullWhen(true)] out VideoClip? clip, [NotNullWhen(false)] out string? failure)
    {
        OpenCvSettings.EnsureApplied();
        clip = null;
        failure = bytes.Length == 0 ? "empty file"
            : bytes.Length > maxBytes ? $"larger than {maxBytes} bytes"
            : !LooksLikeIsoMedia(bytes) ? "not an MP4 video"
            : null;
        if (failure is not null)
        {
            return false;
        }

        var path = Path.Combine(Path.GetTempPath(), $"rollcall-{Guid.NewGuid():N}.mp4");
        VideoCapture? capture = null;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, options))
            {
                file.Write(bytes);
            }

            // One decoder thread: the clip is decoded on its own thread alongside the analysis, and FFmpeg's frame threads on a
            // 384x384 clip only compete with it for the second core (bench: decode CPU per note 63 -> 41 ms).
            capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG, [DecoderThreadsProperty, 1]);
            if (!capture.IsOpened() || capture.FrameWidth <= 0 || capture.FrameHeight <= 0)
            {
                failure = "not a decodable video";
                capture.Dispose();
                File.Delete(path);
                return false;
            }

            clip = new VideoClip(path, capture);
            return true;
        }
        catch (Exception ex) when (ex is IOException or OpenCVException or UnauthorizedAccessException)
        {
            capture?.Dispose();
            File.Delete(path);
            failure = "not a decodable video";
            return false;
        }
    }

    /// <summary>Up to <paramref name="samples"/> frames spread evenly over the first <paramref name="maxDecoded"/> frames.</summary>
    /// <remarks>Frames are placed by their timestamps: when the decoder is told to skip the frames that no other frame refers to
    /// (OPENCV_FFMPEG_CAPTURE_OPTIONS=avdiscard;nonref, opt-in: see the README's Speed section), a sample moves to the next decoded frame.</remarks>
    public IEnumerable<VideoFrame> Sample(int samples, int maxDecoded, CancellationToken cancellationToken)
    {
        var total = FrameCount > 0 ? Math.Min(FrameCount, maxDecoded) : maxDecoded;
        var next = 0;
        var wanted = Target(0, samples, total);
        for (var grabbed = 0; grabbed < total && next < samples; grabbed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!capture.Grab())
            {
                yield break;
            }

            var index = Fps > 0 ? Math.Max(grabbed, (int)Math.Round(capture.Get(VideoCaptureProperties.PosMsec) * Fps / 1000)) : grabbed;
            if (index >= total)
            {
                yield break;
            }

            DecodedFrames = index + 1;
            if (index < wanted)
            {
                continue;
            }

            var image = new Mat();
            if (!capture.Retrieve(image) || image.Empty())
            {
                image.Dispose();
                yield break;
            }

            yield return new VideoFrame(index, image);
            next++;
            wanted = Target(next, samples, total);
        }
    }

    public void Dispose()
    {
        capture.Dispose();
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the file is private to this user and in the temp folder.
        }
    }

    private static int Target(int sample, int samples, int total) => (int)((sample + 0.5) * total / samples);

    // ISO base media (MP4, MOV): a box size then "ftyp" at offset 4.
    private static bool LooksLikeIsoMedia(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[4] == (byte)'f' && bytes[5] == (byte)'t' && bytes[6] == (byte)'y' && bytes[7] == (byte)'p';
}
