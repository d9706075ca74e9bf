namespace Rollcall.Faces;

/// <summary>What the bot asks the student to do inside the video note.</summary>
public enum ChallengeKind
{
    None,
    TurnLeft,
    TurnRight,
    Blink,
}

/// <summary>One video note to verify against one student's ID photo.</summary>
public sealed record FaceCheckRequest(string StudentId, ReadOnlyMemory<byte> Video, ChallengeKind Challenge = ChallengeKind.None);

/// <summary>Outcome of a face verification; each case has one message for the student.</summary>
public abstract record FaceCheck
{
    private FaceCheck()
    {
    }

    /// <summary>Similarity on the 0-100 scale; null when no comparison was made.</summary>
    public virtual double? Similarity => null;

    /// <summary>The face matched (<see cref="Score"/> at least <see cref="Threshold"/>, FACE_MATCH_THRESHOLD) and the clip looked live.</summary>
    public sealed record Match(double Score, double Liveness, int FramesUsed, double Threshold) : FaceCheck
    {
        public override double? Similarity => Score;

        /// <summary>The clip's face embedding (L2-normalised), when the engine has one: compared with the session's other marks.</summary>
        public float[]? Probe { get; init; }

        /// <summary>Cosine of <see cref="Probe"/> to the student's own photo: unlike the score it is not clamped at 100.</summary>
        public float ProbeCosine { get; init; }
    }

    /// <summary>A face was found but it is not the enrolled student: <see cref="Score"/> below <see cref="Threshold"/>.</summary>
    public sealed record Mismatch(double Score, double Liveness, int FramesUsed, double Threshold) : FaceCheck
    {
        public override double? Similarity => Score;
    }

    /// <summary>The face matched but the clip looks like a photo or screen replay.</summary>
    public sealed record NotLive(double Score, double Liveness, string Reason) : FaceCheck
    {
        public override double? Similarity => Score;

        /// <summary>Close to passing (some motion, no spoof seen by the model): a person should look rather than the machine refuse.</summary>
        public bool Doubtful { get; init; }
    }

    /// <summary>The asked-for action (turn, blink) was not seen.</summary>
    public sealed record ChallengeFailed(double Score, string Reason) : FaceCheck
    {
        public override double? Similarity => Score;
    }

    /// <summary>No usable face in the clip.</summary>
    public sealed record NoFace : FaceCheck;

    /// <summary>More than one face of comparable size.</summary>
    public sealed record SeveralFaces(int Count) : FaceCheck;

    /// <summary>The face is too small to compare.</summary>
    public sealed record FaceTooSmall : FaceCheck;

    /// <summary>No enrolled ID photo for the student (uses no attempt).</summary>
    public sealed record NoPhoto : FaceCheck;

    /// <summary>The enrolled photo itself has no single usable face.</summary>
    public sealed record BadPhoto(string Reason) : FaceCheck;

    /// <summary>Not a decodable video, too short, too large.</summary>
    public sealed record BadVideo(string Reason) : FaceCheck;

    /// <summary>
    /// The engine failed on the note every one of <paramref name="Tries"/> times (a decoder that crashed or hung, a fault
    /// that stayed): the job is parked, no attempt is used and the teacher decides.
    /// </summary>
    public sealed record Unchecked(int Tries) : FaceCheck;
}
