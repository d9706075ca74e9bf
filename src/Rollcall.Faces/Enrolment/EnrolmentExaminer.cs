using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Enrolment;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Ports;

namespace Rollcall.Faces.Enrolment;

/// <summary>
/// The face engine's side of self-enrolment: the note judged as a check-in's would be (one face, liveness, the challenge),
/// its best frame checked as an ID photo, and the frame's face compared with every enrolled student's.
/// </summary>
public sealed class EnrolmentExaminer(FaceEngine engine, ReferenceEmbeddings references, IOptions<FaceOptions> options) : IEnrolmentFaces
{
    private double Threshold => options.Value.MatchThreshold;

    private readonly VideoNoteAnalyzer analyzer = new(engine, options.Value, keepBestFrame: true);

    public async Task<EnrolmentSample> ExamineAsync(ReadOnlyMemory<byte> video, ChallengeKind challenge, CancellationToken cancellationToken)
    {
        // CPU-bound work goes to the thread pool, as a check-in's does.
        var evidence = await Task.Run(() => analyzer.Analyze(video, challenge, cancellationToken), cancellationToken);
        if (evidence.Rejection is { } rejection)
        {
            return new EnrolmentSample(rejection, null, null, Threshold);
        }

        if (evidence.BestFrame is not { } frame)
        {
            return new EnrolmentSample(new FaceCheck.NoFace(), null, null, Threshold);
        }

        if (FaceDecision.LivenessOrChallenge(evidence, 0, challenge, options.Value) is { } refusal)
        {
            return new EnrolmentSample(refusal, null, null, Threshold);
        }

        // The frame as the next check-in will read it, with a stricter size: every later check-in is compared with it.
        var minFace = Math.Max(EnrolmentRules.MinFacePixels, options.Value.MinFacePixels);
        var photo = await Task.Run(() => ReferenceFace.FromImage(engine, frame, minFace), cancellationToken);
        return photo.Embedding is { } embedding
            ? new EnrolmentSample(null, frame, embedding, Threshold)
            : new EnrolmentSample(Unusable(photo), null, null, Threshold);
    }

    public async Task<LookAlike?> ClosestEnrolledAsync(float[] embedding, string studentId, CancellationToken cancellationToken)
    {
        LookAlike? closest = null;
        foreach (var (other, reference) in await references.AllAsync(cancellationToken))
        {
            var cosine = SimilarityScale.Cosine(embedding, reference);
            if (other != studentId && (closest is null || cosine > closest.Cosine))
            {
                closest = new LookAlike(other, cosine);
            }
        }

        return closest;
    }

    private static FaceCheck Unusable(ReferenceFace photo) => photo.Finding switch
    {
        FaceFinding.None => new FaceCheck.NoFace(),
        FaceFinding.Several => new FaceCheck.SeveralFaces(2),
        FaceFinding.TooSmall => new FaceCheck.FaceTooSmall(),
        _ => new FaceCheck.BadPhoto(photo.Failure ?? "the face could not be aligned"),
    };
}
