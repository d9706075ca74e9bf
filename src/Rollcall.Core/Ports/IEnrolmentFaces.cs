using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces;

namespace Rollcall.Ports;

/// <summary>The face engine's side of self-enrolment: a note judged as a future ID photo, and the faces already enrolled.</summary>
public interface IEnrolmentFaces
{
    /// <summary>The note's best frame and that frame's face, or why the note cannot give an ID photo.</summary>
    Task<EnrolmentSample> ExamineAsync(ReadOnlyMemory<byte> video, ChallengeKind challenge, CancellationToken cancellationToken);

    /// <summary>The enrolled student, other than <paramref name="studentId"/>, whose ID photo's face is nearest to <paramref name="embedding"/>.</summary>
    Task<LookAlike?> ClosestEnrolledAsync(float[] embedding, string studentId, CancellationToken cancellationToken);
}
