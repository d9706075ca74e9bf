namespace Rollcall.Faces.Video;

/// <summary>
/// The passive decision (no challenge asked): is the face in the note a live one? A photo replay keeps its shape however it is
/// held, panned, turned or tilted (a plane: a homography explains it); a live face blinks, smiles or opens its mouth (the
/// challenge's detectors), or its eyelids and lips move against the rest of it, or it changes more than any moved photo did
/// (the temporal motion: photo replays reached 6.9, people who sit still 2.1; faces README, Liveness).
/// </summary>
public static class PassiveLiveness
{
    /// <summary>Null when the face is live, else why not (for the NotLive answer).</summary>
    public static string? Refusal(TemporalMotion motion, IReadOnlyList<FaceSignals> signals, double fps, FaceOptions options) =>
        MovedParts(signals, fps) || ShapeChange(signals) >= options.LivenessMinShapeChange || motion.Score >= options.LivenessMinMotion
            ? null
            : "the face moved like a flat picture";

    /// <summary>A blink, a smile or an open mouth anywhere in the note: the face's own parts moved.</summary>
    public static bool MovedParts(IReadOnlyList<FaceSignals> signals, double fps)
    {
        foreach (var action in ChallengePick.Actions)
        {
            if (ActionOnsets.Find(signals, fps, action).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The second-highest change of the eyelids' and lips' shape over the followed frames (one odd landmark frame is ignored).</summary>
    public static double ShapeChange(IReadOnlyList<FaceSignals> signals)
    {
        float highest = 0, second = 0;
        foreach (var s in signals)
        {
            if (s.ShapeChange > highest)
            {
                second = highest;
                highest = s.ShapeChange;
            }
            else if (s.ShapeChange > second)
            {
                second = s.ShapeChange;
            }
        }

        return second;
    }
}
