namespace Rollcall.Faces.Video;

/// <summary>Which frames of a note are decoded for a decision (presentation order, ascending, distinct).</summary>
public static class FramePlan
{
    /// <summary><paramref name="samples"/> frames spread evenly over the first <paramref name="maxDecoded"/> frames of the track.</summary>
    public static int[] Spread(VideoTrack track, int samples, int maxDecoded)
    {
        var total = Math.Max(1, Math.Min(track.Frames, maxDecoded));
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
    public static int[] Middle(VideoTrack track, int maxDecoded) => Spread(track, 1, maxDecoded);
}
