using Rollcall.Attendance;
using Rollcall.Faces;

namespace Rollcall.Enrolment;

/// <summary>Where a student's request to enrol their own face stands; stored as its name.</summary>
public enum EnrolmentState
{
    /// <summary>The video note waits for the worker (decoding, liveness, the comparison with every enrolled face).</summary>
    Queued,

    /// <summary>The machine refused the note: no usable face, not live, or a face that is another ID's.</summary>
    Refused,

    /// <summary>The frame waits for the teacher (or the operator) to approve it next to the roster name.</summary>
    AwaitingApproval,

    /// <summary>Approved: the frame is the student's ID photo in PHOTO_STORE.</summary>
    Enrolled,

    /// <summary>The teacher or the operator did not accept it.</summary>
    Rejected,

    /// <summary>The student ran /forget: the frame, the embedding and (when still theirs) the ID photo are gone.</summary>
    Forgotten,
}

/// <summary>What a student's account and ID look like when they ask to enrol (read by the store, judged here).</summary>
/// <param name="OnRoster">The ID is on a session's roster or the built-in roster.</param>
/// <param name="HasPhoto">An ID photo is enrolled already.</param>
/// <param name="BoundTo">The Telegram account the ID is bound to, if any.</param>
/// <param name="AccountBoundTo">The ID this account is bound to, if any.</param>
/// <param name="OpenBy">The account of the ID's request still open (queued or awaiting approval), if any.</param>
/// <param name="RequestsToday">Requests this account made in the last day.</param>
public sealed record EnrolmentFacts(bool OnRoster, bool HasPhoto, long? BoundTo, string? AccountBoundTo, long? OpenBy, int RequestsToday)
{
    /// <summary>The ID of this account's own open request, if any (for this ID or another).</summary>
    public string? AccountWaitingFor { get; init; }
}

/// <summary>Whether a student may send a video note to enrol now.</summary>
public enum EnrolmentAdmission
{
    Open,
    NotOnRoster,
    HasPhoto,

    /// <summary>The ID is bound to another Telegram account: only its owner enrols it.</summary>
    BoundToAnotherAccount,

    /// <summary>This account is bound to another ID: one account is one student.</summary>
    AccountHasAnotherId,

    /// <summary>This account has a request open already (for this ID or another: one at a time, so nobody blocks many IDs).</summary>
    AlreadyRequested,

    /// <summary>Another account's request for the ID is open: the teacher is told (someone may be enrolling another's ID).</summary>
    RequestedByAnother,
    TooManyRequests,
}

/// <summary>
/// A self-enrolment note as a future ID photo: its best frame (JPEG) and that frame's face, or why it cannot be one;
/// <paramref name="Threshold"/> is FACE_MATCH_THRESHOLD, above which a face belongs to the ID it resembles.
/// </summary>
public sealed record EnrolmentSample(FaceCheck? Refusal, byte[]? Photo, float[]? Embedding, double Threshold);

/// <summary>The machine's verdict on an enrolment note, before any person sees it.</summary>
public abstract record EnrolmentVerdict
{
    private EnrolmentVerdict()
    {
    }

    /// <summary>The note cannot give an ID photo: no face, several, too small, not live, the challenge not done, unreadable.</summary>
    public sealed record Unusable(FaceCheck Why) : EnrolmentVerdict;

    /// <summary>The face would check in as <paramref name="Owner"/> (an enrolled ID, or one awaiting approval).</summary>
    public sealed record FaceOfAnother(LookAlike Owner) : EnrolmentVerdict;

    /// <summary>Usable and nobody else's: the teacher decides.</summary>
    public sealed record ToApprove : EnrolmentVerdict;
}

/// <summary>
/// Self-enrolment's rules in one place: who may ask, and what a note must be to become an ID photo. The teacher's approval,
/// with the roster name beside the frame, is what stops a student enrolling someone else's ID with their own face.
/// </summary>
public static class EnrolmentRules
{
    /// <summary>Requests one Telegram account may make in a day: each one costs a decode and a comparison with every face.</summary>
    public const int RequestsPerDay = 3;

    /// <summary>
    /// The smallest face (pixels of height) a frame may show to become an ID photo: twice the check-in minimum, as every
    /// later check-in of the student is compared with it.
    /// </summary>
    public const int MinFacePixels = 96;

    public static EnrolmentAdmission Admit(EnrolmentFacts facts, string studentId, long telegramUserId) => facts switch
    {
        { OnRoster: false } => EnrolmentAdmission.NotOnRoster,
        { HasPhoto: true } => EnrolmentAdmission.HasPhoto,
        { BoundTo: { } owner } when owner != telegramUserId => EnrolmentAdmission.BoundToAnotherAccount,
        { AccountBoundTo: { } other } when other != studentId => EnrolmentAdmission.AccountHasAnotherId,
        { OpenBy: { } by } when by != telegramUserId => EnrolmentAdmission.RequestedByAnother,
        { OpenBy: not null } or { AccountWaitingFor: not null } => EnrolmentAdmission.AlreadyRequested,
        { RequestsToday: >= RequestsPerDay } => EnrolmentAdmission.TooManyRequests,
        _ => EnrolmentAdmission.Open,
    };

    /// <summary>
    /// The verdict on a note: <paramref name="refusal"/> is why the engine could not take a face from it (null when it
    /// did), <paramref name="closest"/> the other ID whose face is nearest. A face that would pass a check-in as that ID
    /// (FACE_MATCH_THRESHOLD) belongs to it: enrolling it again would let one person check in as two students.
    /// </summary>
    public static EnrolmentVerdict Judge(FaceCheck? refusal, LookAlike? closest, double threshold) =>
        refusal is not null ? new EnrolmentVerdict.Unusable(refusal)
        : closest is { } other && other.Similarity >= threshold ? new EnrolmentVerdict.FaceOfAnother(other)
        : new EnrolmentVerdict.ToApprove();

    /// <summary>The nearer of two candidates (an enrolled face, a face awaiting approval), either possibly null.</summary>
    public static LookAlike? Nearest(LookAlike? a, LookAlike? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => a.Cosine >= b.Cosine ? a : b,
    };

    /// <summary>Whether a request in <paramref name="state"/> is still open: a second one for the ID waits for it.</summary>
    public static bool IsOpen(EnrolmentState state) => state is EnrolmentState.Queued or EnrolmentState.AwaitingApproval;
}
