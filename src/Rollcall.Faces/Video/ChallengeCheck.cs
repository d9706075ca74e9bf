namespace Rollcall.Faces.Video;

/// <summary>
/// Checks the action asked for inside the video note across the sampled frames.
/// Turns use the landmark yaw proxy and assume an unmirrored recording: the student's own left puts the nose toward the image's right.
/// </summary>
public static class ChallengeCheck
{
    /// <summary>|yaw proxy| below this is "facing the camera" (the 61 photos of shared/faces span -0.35..0.26).</summary>
    public const float Frontal = 0.12f;

    /// <summary>Yaw proxy beyond this, in the asked direction, is "turned" (about 12° with the pose model on shared/faces).</summary>
    public const float Turned = 0.2f;

    /// <summary>Eye-model open probability below this is "closed", above 1 - this is "open".</summary>
    public const float Closed = 0.3f;

    /// <summary>Null when the action was seen, else why not.</summary>
    public static string? Failure(IReadOnlyList<FrameFace> frames, ChallengeKind challenge) => challenge switch
    {
        ChallengeKind.None => null,
        ChallengeKind.TurnLeft => Turn(frames, +1),
        ChallengeKind.TurnRight => Turn(frames, -1),
        ChallengeKind.Blink => Blink(frames),
        _ => "unknown challenge",
    };

    // A frontal frame, then a frame turned the asked way.
    private static string? Turn(IReadOnlyList<FrameFace> frames, int imageDirection)
    {
        var sawFrontal = false;
        foreach (var f in frames)
        {
            if (float.IsNaN(f.YawProxy))
            {
                continue;
            }

            if (Math.Abs(f.YawProxy) < Frontal)
            {
                sawFrontal = true;
            }
            else if (sawFrontal && f.YawProxy * imageDirection > Turned)
            {
                return null;
            }
        }

        return sawFrontal ? "the head did not turn the asked way" : "the face never looked at the camera";
    }

    // Open, closed, open again.
    private static string? Blink(IReadOnlyList<FrameFace> frames)
    {
        var state = 0;
        foreach (var f in frames)
        {
            if (float.IsNaN(f.EyesOpen))
            {
                continue;
            }

            var open = f.EyesOpen > 1 - Closed;
            var closed = f.EyesOpen < Closed;
            state = state switch
            {
                0 when open => 1,
                1 when closed => 2,
                2 when open => 3,
                _ => state,
            };
        }

        return state == 3 ? null : "no blink was seen";
    }
}
