using Rollcall.Faces;

namespace Rollcall.Ports;

/// <summary>Compares the face in a video note with a student's enrolled ID photo.</summary>
public interface IFaceVerifier
{
    Task<FaceCheck> VerifyAsync(FaceCheckRequest request, CancellationToken cancellationToken);
}
