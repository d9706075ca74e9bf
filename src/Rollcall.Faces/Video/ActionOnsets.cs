namespace Rollcall.Faces.Video;

/// <summary>
/// Where each action starts in a note's <see cref="FaceSignals"/> (frame indices, in order). Thresholds were set on the windows of
/// samples/videos/actions.csv (see the faces README, Active challenge): each is relative to the same note, so faces, sizes and
/// mirroring compare.
/// </summary>
public static class ActionOnsets
{
    /// <summary>A blink: the eye model's open probability below this...</summary>
    public const float EyesShut = 0.5f;

    /// <summary>...and the eyelids (eye aspect) below this share of their open level (the most open within <see cref="OpenLevelSeconds"/>).</summary>
    public const float LidsShut = 0.8f;

    public const double OpenLevelSeconds = 0.6;

    /// <summary>
    /// Open, before and after the shut frames: the eye model's open probability at least this. Measured on the challenge corpus at
    /// 384 px (faces README): 0.5 missed no more blinks than the old rule and accepted fewer; 0.8 missed 3-5 of 62 blinks more.
    /// </summary>
    public const float EyesOpenAgain = 0.5f;

    /// <summary>From the last open frame to the first open again longer than this is not a blink (looking down, or asleep).</summary>
    public const double LongestBlinkSeconds = 0.8;

    /// <summary>A smile: the mouth this much wider than the note's narrow (20th percentile) mouth...</summary>
    public const float SmileWidth = 1.2f;

    /// <summary>...after a frame no wider than this (the smile starts in the note).</summary>
    public const float NeutralWidth = 1.1f;

    /// <summary>An open mouth: the inner lips this far apart (in eye distances)...</summary>
    public const float MouthOpen = 0.25f;

    /// <summary>...after a frame with the lips closer than this.</summary>
    public const float MouthClosed = 0.15f;

    /// <summary>A smile or an open mouth must last this long: talking opens and widens the mouth for a syllable (0.1-0.2 s).</summary>
    public const double HeldSeconds = 0.3;

    private const float NarrowPercentile = 0.2f;

    public static List<int> Find(IReadOnlyList<FaceSignals> signals, double fps, ChallengeAction action)
    {
        var onsets = new List<int>(4);
        if (signals.Count < 3 || fps <= 0)
        {
            return onsets;
        }

        switch (action)
        {
            case ChallengeAction.Blink:
                Blinks(signals, fps, onsets);
                break;
            case ChallengeAction.Smile:
                var narrow = Percentile(signals, NarrowPercentile);
                Held(signals, fps, s => s.MouthWidth >= SmileWidth * narrow, s => s.MouthWidth <= NeutralWidth * narrow, onsets);
                break;
            case ChallengeAction.OpenMouth:
                Held(signals, fps, s => s.MouthOpen >= MouthOpen, s => s.MouthOpen < MouthClosed, onsets);
                break;
        }

        return onsets;
    }

    // A close and reopen: an open frame, then at least one shut frame, then an open frame again, within a blink's length. A squint, a
    // lowered gaze or one low score between frames that are neither open nor shut is not one.
    private static void Blinks(IReadOnlyList<FaceSignals> signals, double fps, List<int> onsets)
    {
        var lastOpen = -1;
        var firstShut = -1;
        for (var i = 0; i < signals.Count; i++)
        {
            var s = signals[i];
            if (s.EyesOpen >= EyesOpenAgain)
            {
                if (firstShut >= 0 && (s.Index - signals[lastOpen].Index) / fps <= LongestBlinkSeconds)
                {
                    onsets.Add(signals[firstShut].Index);
                }

                lastOpen = i;
                firstShut = -1;
            }
            else if (lastOpen >= 0 && firstShut < 0 && s.EyesOpen < EyesShut && s.EyeAspect < LidsShut * OpenLevel(signals, i, fps))
            {
                firstShut = i;
            }
        }
    }

    // The most open the eyelids were near frame i.
    private static float OpenLevel(IReadOnlyList<FaceSignals> signals, int i, double fps)
    {
        var reach = OpenLevelSeconds * fps;
        var level = 0f;
        for (var j = 0; j < signals.Count; j++)
        {
            if (Math.Abs(signals[j].Index - signals[i].Index) <= reach)
            {
                level = Math.Max(level, signals[j].EyeAspect);
            }
        }

        return level;
    }

    // A state held for HeldSeconds, after a frame in the resting state; each onset needs rest again before the next.
    private static void Held(IReadOnlyList<FaceSignals> signals, double fps, Func<FaceSignals, bool> active, Func<FaceSignals, bool> resting, List<int> onsets)
    {
        var rested = false;
        var start = -1;
        foreach (var s in signals)
        {
            if (!active(s))
            {
                start = -1;
                rested |= resting(s);
                continue;
            }

            if (start < 0 && rested)
            {
                start = s.Index;
            }

            if (start >= 0 && (s.Index - start) / fps >= HeldSeconds - 1e-6)
            {
                onsets.Add(start);
                start = -1;
                rested = false;
            }
        }
    }

    private static float Percentile(IReadOnlyList<FaceSignals> signals, float p)
    {
        var n = signals.Count;
        Span<float> widths = n <= 256 ? stackalloc float[n] : new float[n];
        for (var i = 0; i < n; i++)
        {
            widths[i] = signals[i].MouthWidth;
        }

        widths.Sort();
        return widths[(int)(p * (n - 1))];
    }
}
