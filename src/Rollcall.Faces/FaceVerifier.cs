using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Ports;

namespace Rollcall.Faces;

/// <summary>
/// Local face verification: the enrolled photo's embedding against the best frames of the video note. The embedding is
/// cached in IEmbeddingCache only (the database's), so a student's /forget removes it everywhere at once.
/// </summary>
public sealed class FaceVerifier(
    FaceEngine engine,
    IPhotoStore photos,
    ReferenceEmbeddings references,
    IOptions<FaceOptions> options,
    ILogger<FaceVerifier> logger) : IFaceVerifier
{
    private readonly VideoNoteAnalyzer analyzer = new(engine, options.Value);

    public async Task<FaceCheck> VerifyAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var check = await CheckAsync(request, cancellationToken);
        FacesLog.Verified(logger, request.StudentId, check.GetType().Name, check.Similarity, clock.ElapsedMilliseconds);
        return check;
    }

    private async Task<FaceCheck> CheckAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        var photo = await photos.FindAsync(request.StudentId, cancellationToken);
        if (photo is null)
        {
            FacesLog.NoPhoto(logger, request.StudentId);
            return new FaceCheck.NoPhoto();
        }

        var reference = await references.OfAsync(request.StudentId, photo, cancellationToken);
        if (reference.Embedding is null)
        {
            FacesLog.BadReferencePhoto(logger, request.StudentId, reference.Failure!);
            return new FaceCheck.BadPhoto(reference.Failure!);
        }

        // CPU-bound work goes to the thread pool so callers on an event loop are never blocked.
        var evidence = await Task.Run(() => analyzer.Analyze(request.Video, request.Challenge, cancellationToken), cancellationToken);
        return FaceDecision.Decide(evidence, reference.Embedding, request.Challenge, options.Value);
    }
}
