using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Ports;

namespace Rollcall.Faces.Rekognition;

/// <summary>
/// FACE_PROVIDER=rekognition: the middle frame of the video note against the enrolled photo with AWS CompareFaces for identity;
/// the local engine still analyses the note first (faces, liveness, challenge), so no still photo passes in any mode.
/// </summary>
public sealed class RekognitionFaceVerifier(
    RekognitionClient client,
    FaceEngine engine,
    IPhotoStore photos,
    IOptions<FaceOptions> options,
    ILogger<RekognitionFaceVerifier> logger) : IFaceVerifier
{
    private readonly VideoNoteAnalyzer analyzer = new(engine, options.Value);

    public async Task<FaceCheck> VerifyAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var check = await CheckAsync(request, cancellationToken);
        FacesLog.Verified(logger, request.StudentId, check.GetType().Name, check.Similarity, clock.ElapsedMilliseconds);
        return check;
    }

    /// <summary>The frame in the middle of the clip as JPEG, or why the clip is not a usable video.</summary>
    public static (byte[]? Jpeg, string? Failure) MiddleFrameJpeg(ReadOnlySpan<byte> video, FaceOptions options, CancellationToken cancellationToken)
    {
        var (frame, failure) = MiddleFrame.Decode(video, options, cancellationToken);
        if (frame is null)
        {
            return (null, failure);
        }

        using (frame)
        {
            Cv2.ImEncode(".jpg", frame, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
            return (jpeg, null);
        }
    }

    private async Task<FaceCheck> CheckAsync(FaceCheckRequest request, CancellationToken cancellationToken)
    {
        var photo = await photos.FindAsync(request.StudentId, cancellationToken);
        if (photo is null)
        {
            FacesLog.NoPhoto(logger, request.StudentId);
            return new FaceCheck.NoPhoto();
        }

        var settings = options.Value;
        var evidence = await Task.Run(() => analyzer.Analyze(request.Video, request.Challenge, cancellationToken), cancellationToken);
        if (evidence.Rejection is not null)
        {
            return evidence.Rejection;
        }

        var (frame, failure) = await Task.Run(() => MiddleFrameJpeg(request.Video.Span, settings, cancellationToken), cancellationToken);
        if (frame is null)
        {
            return new FaceCheck.BadVideo(failure!);
        }

        var result = await client.CompareFacesAsync(photo.Bytes, frame, settings.MatchThreshold, cancellationToken);
        if (result.NoFace)
        {
            return new FaceCheck.NoFace();
        }

        if (result.BadImage is { } refused)
        {
            return new FaceCheck.BadVideo(refused);
        }

        var score = Math.Round(result.Similarity ?? 0, 1);
        var liveness = Math.Round(evidence.PassiveLiveness, 3);
        if (score < settings.MatchThreshold)
        {
            return new FaceCheck.Mismatch(score, liveness, 1, settings.MatchThreshold);
        }

        return FaceDecision.LivenessOrChallenge(evidence, score, request.Challenge, settings) ?? new FaceCheck.Match(score, liveness, 1, settings.MatchThreshold);
    }
}
