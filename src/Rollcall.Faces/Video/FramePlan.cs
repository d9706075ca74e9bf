namespace Rollcall.Faces.Video;

/// <summary>Which frames of a note are decoded for a decision (presentation order, ascending, distinct).</summary>
public static class FramePlan
{
    /// <summary>Most frames one note asks the decoder for.</summary>
    public const int MaxFrames = 96;

    /// <summary>
    /// <paramref name="samples"/> frames spread evenly over the decision's window: the first FACE_VIDEO_WINDOW_SECONDS of the track, at
    /// most FACE_MAX_DECODED_FRAMES. The decoder stops after the last of them, so the work is bounded whatever the note's length.
    /// </summary>
    public static int[] Spread(VideoTrack track, int samples, FaceOptions options)
    {
        var total = WindowFrames(track, options);
        var picked = new List<int>(samples);
        for (var i = 0; i < samples; i++)
        {
            var frame = (int)((i + 0.5) * total / samples);
            if (picked.Count == 0 || frame > picked[^1])
            {
                picked.Add(frame);
            }
        }

        return [.. picked];
    }

    /// <summary>
    /// The frames a challenge needs besides <paramref name="spread"/>: about <paramref name="fps"/> a second over the same window (a
    /// blink shuts the eyes for 0.1-0.3 s), merged with the spread ones. The last frame decoded stays the spread's last, so the
    /// decoder's work is the same; only the frames it sends back are more.
    /// </summary>
    public static int[] WithTracking(VideoTrack track, int[] spread, double fps, FaceOptions options, double? seconds = null)
    {
        var last = spread.Length == 0 ? WindowFrames(track, options) - 1 : spread[^1];
        if (seconds is { } followed && track.Fps > 0)
        {
            // Followed over a shorter window than the spread (the passive decision): the spread's frames beyond it stay.
            last = Math.Min(last, Math.Max(0, (int)Math.Ceiling(followed * track.Fps) - 1));
        }

        var step = track.Fps > fps ? Math.Max(1, (int)Math.Round(track.Fps / fps)) : 1;

        // At most MaxFrames in all: a longer window is followed more sparsely (ffmpeg's select expression fails past ~100 terms).
        step = Math.Max(step, (int)Math.Ceiling((last + 1.0) / Math.Max(1, MaxFrames - spread.Length)));
        var merged = new SortedSet<int>(spread);
        for (var frame = 0; frame <= last; frame += step)
        {
            merged.Add(frame);
        }

        return [.. merged];
    }

    /// <summary>The one frame in the middle of what <see cref="Spread"/> would cover.</summary>
    public static int[] Middle(VideoTrack track, FaceOptions options) => Spread(track, 1, options);

    private static int WindowFrames(VideoTrack track, FaceOptions options)
    {
        var window = track.Fps > 0 ? (int)Math.Ceiling(options.WindowSeconds * track.Fps) : track.Frames;
        return Math.Max(1, Math.Min(Math.Min(track.Frames, window), options.MaxDecodedFrames));
    }
}
