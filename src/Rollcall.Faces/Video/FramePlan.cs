namespace Rollcall.Faces.Video;

/// <summary>Which frames of a note are decoded for a decision (presentation order, ascending, distinct).</summary>
public static class FramePlan
{
    /// <summary>
    /// <paramref name="samples"/> frames spread evenly over the decision's window: the first FACE_VIDEO_WINDOW_SECONDS of the track, at
    /// most FACE_MAX_DECODED_FRAMES. The decoder stops after the last of them, so the work is bounded whatever the note's length.
    /// </summary>
    public static int[] Spread(VideoTrack track, int samples, FaceOptions options)
    {
        var window = track.Fps > 0 ? (int)Math.Ceiling(options.WindowSeconds * track.Fps) : track.Frames;
        var total = Math.Max(1, Math.Min(Math.Min(track.Frames, window), options.MaxDecodedFrames));
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

    /// <summary>The one frame in the middle of what <see cref="Spread"/> would cover.</summary>
    public static int[] Middle(VideoTrack track, FaceOptions options) => Spread(track, 1, options);
}
