namespace Rollcall.Faces.Video;

/// <summary>Which video notes are decoded at all: judged on the container's own header, before any frame is decoded.</summary>
public static class VideoLimits
{
    /// <summary>Telegram records video notes with H.264; every other decoder stays out of reach of a crafted file.</summary>
    public const string Codec = "h264";

    /// <summary>Shortest note with enough frames for the liveness checks.</summary>
    public const double MinSeconds = 1.0;

    /// <summary>Frames a second beyond which a track is not a camera recording (phones record 24-60).</summary>
    public const int MaxFps = 120;

    /// <summary>The note's video track when it may be decoded, else why not: size, magic, container and limits, in that order.</summary>
    public static (VideoTrack? Track, string? Failure) Check(ReadOnlySpan<byte> bytes, FaceOptions options)
    {
        var failure = bytes.Length == 0 ? "empty file"
            : bytes.Length > options.MaxVideoBytes ? $"larger than {options.MaxVideoBytes} bytes"
            : !LooksLikeIsoMedia(bytes) ? "not an MP4 video"
            : null;
        if (failure is not null)
        {
            return (null, failure);
        }

        var (track, unreadable) = Mp4Container.Read(bytes);
        if (track is null)
        {
            return (null, unreadable);
        }

        failure = Refusal(track, options);
        return failure is null ? (track, null) : (null, failure);
    }

    /// <summary>Null when the track may be decoded, else why it is refused (a bad video, the student's to fix).</summary>
    public static string? Refusal(VideoTrack track, FaceOptions options) => track switch
    {
        { Codec: not Codec } => $"the video is {track.Codec}, not H.264",
        { Width: <= 0 } or { Height: <= 0 } => "the video track has no picture size",
        _ when track.Pixels > options.MaxVideoPixels => $"{track.Width}x{track.Height} is more than {options.MaxVideoPixels} pixels",
        { Frames: 0 } => "the video track has no frames",
        _ when track.Seconds > options.MaxVideoSeconds => $"longer than {options.MaxVideoSeconds} seconds ({track.Seconds:0.#} s)",
        _ when track.Seconds < MinSeconds => "shorter than 1 second",
        _ when track.Fps > MaxFps => $"{track.Frames} frames in {track.Seconds:0.##} s is more than {MaxFps} a second",
        _ => null,
    };

    // ISO base media (MP4, MOV): a box size then "ftyp" at offset 4. It also keeps ffmpeg from probing playlists or other formats.
    private static bool LooksLikeIsoMedia(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[4] == (byte)'f' && bytes[5] == (byte)'t' && bytes[6] == (byte)'y' && bytes[7] == (byte)'p';
}
