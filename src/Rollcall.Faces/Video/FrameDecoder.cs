using System.ComponentModel;
using System.Diagnostics;
using OpenCvSharp;

namespace Rollcall.Faces.Video;

/// <summary>
/// Decodes chosen frames of a video note in a child ffmpeg of its own, under resource limits (address space, CPU, no files,
/// no core dumps) and a kill timer, so a crash, a memory blow-up or a hang inside a decoder never reaches this process.
/// Only the H.264 decoder and the MP4 demuxer run, on a local file; frames come back as PPM on a pipe.
/// </summary>
internal sealed class FrameDecoder : IDisposable
{
    /// <summary>Address space of the child: ffmpeg maps about 350 MB of libraries; a 720x1280 note decodes within 400 MB.</summary>
    public const long AddressSpaceBytes = 1L << 30;

    private const int StderrKept = 2048;

    private readonly Process process;
    private readonly IReadOnlyList<int> frames;
    private readonly long maxPixels;
    private readonly Task<string> errors;

    private FrameDecoder(Process process, IReadOnlyList<int> frames, long maxPixels)
    {
        this.process = process;
        this.frames = frames;
        this.maxPixels = maxPixels;
        errors = KeepFirstAsync(process.StandardError, StderrKept);
    }

    /// <summary>After the frames: why ffmpeg refused the file (a bad video), or null when it read it.</summary>
    public string? Failure { get; private set; }

    /// <summary>ffmpeg's first error line, for the log.</summary>
    public string? DecoderMessage { get; private set; }

    /// <summary>Whether the decoder can run here: prlimit and the configured ffmpeg are executables (a path, or a name on PATH).</summary>
    public static bool IsAvailable(string ffmpeg) => Resolves("prlimit") && Resolves(ffmpeg);

    /// <summary>Starts ffmpeg on the note for the given frames (presentation order, ascending).</summary>
    public static FrameDecoder Start(FaceOptions options, string path, IReadOnlyList<int> frames)
    {
        var start = new ProcessStartInfo("prlimit")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in Arguments(options, path, frames))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, "prlimit did not start");
            return new FrameDecoder(process, frames, options.MaxVideoPixels);
        }
        catch (Win32Exception ex)
        {
            throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, "prlimit (util-linux) could not be started", ex);
        }
    }

    /// <summary>The command line: limits first, then ffmpeg with one demuxer, one decoder and one thread.</summary>
    internal static List<string> Arguments(FaceOptions options, string path, IReadOnlyList<int> frames)
    {
        var cpuSeconds = options.VideoTimeoutSeconds + 1;
        var select = "select=" + string.Join('+', frames.Select(f => $"eq(n\\,{f})"));
        return
        [
            $"--as={AddressSpaceBytes}", "--core=0", "--fsize=0", $"--cpu={cpuSeconds}", "--",
            options.Ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-filter_threads", "1",
            "-threads", "1", "-max_pixels", DecoderPixels(options.MaxVideoPixels).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-protocol_whitelist", "file", "-f", "mov", "-c:v", "h264", "-i", path,
            "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", select, "-fps_mode", "passthrough",
            "-frames:v", frames.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", "image2pipe", "-c:v", "ppm", "pipe:1",
        ];
    }

    /// <summary>
    /// The H.264 decoder checks its aligned buffer, not the picture: a 720x1280 note allocates 768x1280 (measured), so it gets a
    /// quarter more room; the frames that come back are checked against the exact limit.
    /// </summary>
    internal static long DecoderPixels(long maxPixels) => maxPixels * 5 / 4;

    /// <summary>The frames as ffmpeg delivers them; the token (caller's stop or the time-out) kills the child.</summary>
    public IEnumerable<VideoFrame> Frames(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(Kill);
        using var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        for (var i = 0; i < frames.Count; i++)
        {
            var image = Next(output, cancellationToken);
            if (image is null)
            {
                break;
            }

            yield return new VideoFrame(frames[i], image);
        }

        Finish(cancellationToken);
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private Mat? Next(Stream output, CancellationToken cancellationToken)
    {
        try
        {
            var frame = PpmFrame.Read(output, maxPixels);
            if (frame.Failure is not null)
            {
                Kill();
                Failure = frame.Failure;
            }

            return frame.Image;
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    // ffmpeg exits on its own after the last frame asked for; its exit says whether it read the file, refused it, or died.
    private void Finish(CancellationToken cancellationToken)
    {
        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        var stderr = errors.GetAwaiter().GetResult();
        DecoderMessage = stderr.Split('\n', 2)[0].Trim();
        if (Failure is not null)
        {
            return;
        }

        if (stderr.StartsWith("prlimit:", StringComparison.Ordinal))
        {
            throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, DecoderMessage);
        }

        if (process.ExitCode >= 128 || stderr.Contains("Cannot allocate memory", StringComparison.Ordinal))
        {
            throw new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, $"ffmpeg exited with {process.ExitCode}: {DecoderMessage}");
        }

        Failure = process.ExitCode == 0 ? null : "not a decodable H.264 video";
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool Resolves(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(program);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsExecutable(Path.Combine(dir, program)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static async Task<string> KeepFirstAsync(StreamReader reader, int keep)
    {
        var kept = new System.Text.StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            kept.Append(buffer, 0, Math.Min(read, Math.Max(0, keep - kept.Length)));
        }

        return kept.ToString();
    }
}
