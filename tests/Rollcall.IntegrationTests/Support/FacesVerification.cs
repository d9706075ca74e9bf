using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rollcall.Faces;
using Rollcall.Faces.Photos;

namespace Rollcall.IntegrationTests.Support;

/// <summary>A FaceVerifier over a temporary photo folder, as the bot would build it.</summary>
public sealed class FacesVerification : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("rollcall-photos-");

    public FacesVerification(FacesFixture faces, FaceOptions? options = null)
    {
        Photos = new FolderPhotoStore(folder.FullName);
        Cache = new InMemoryEmbeddingCache();
        var settings = Options.Create(options ?? new FaceOptions { LivenessMinMotion = FacesFixture.SyntheticNotesMinMotion });
        References = new ReferenceEmbeddings(faces.Engine, Photos, Cache, settings, NullLogger<ReferenceEmbeddings>.Instance);
        Verifier = new FaceVerifier(faces.Engine, Photos, References, settings, NullLogger<FaceVerifier>.Instance);
    }

    public FolderPhotoStore Photos { get; }

    public InMemoryEmbeddingCache Cache { get; }

    public ReferenceEmbeddings References { get; }

    public FaceVerifier Verifier { get; }

    public Task<string> EnrollAsync(string studentId, string photo) =>
        Photos.SaveAsync(studentId, File.ReadAllBytes(photo), CancellationToken.None);

    public Task<FaceCheck> VerifyAsync(string studentId, byte[] video, Challenge challenge = default) =>
        Verifier.VerifyAsync(new FaceCheckRequest(studentId, video, challenge), CancellationToken.None);

    public void Dispose() => folder.Delete(recursive: true);
}
