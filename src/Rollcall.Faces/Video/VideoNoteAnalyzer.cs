using System.Diagnostics;
using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>Samples frames across a video note, finds one face, and gathers embeddings and liveness signals.</summary>
public sealed class VideoNoteAnalyzer(FaceEngine engine, FaceOptions options)
{
    /// <summary>How many of the best frames are embedded and scored; the similarity is their median.</summary>
    public const int BestFrames = 3;

    public VideoEvidence Analyze(ReadOnlyMemory<byte> video, ChallengeKind challenge, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.VideoTimeout);
        try
        {
            return Run(video, challenge, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return VideoEvidence.Rejected(new FaceCheck.BadVideo("took too long to decode"), [], new StageTimes(0, 0, 0, 0));
        }
    }

    private VideoEvidence Run(ReadOnlyMemory<byte> video, ChallengeKind challenge, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        double decodeMs = 0, detectMs = 0;
        if (!VideoClip.TryOpen(video.Span, options.MaxVideoBytes, out var clip, out var failure))
        {
            return VideoEvidence.Rejected(new FaceCheck.BadVideo(failure), [], new StageTimes(clock.Elapsed.TotalMilliseconds, 0, 0, 0));
        }

        var samples = challenge switch
        {
            ChallengeKind.Blink => Math.Max(options.SampledFrames, 24),
            ChallengeKind.TurnLeft or ChallengeKind.TurnRight => Math.Max(options.SampledFrames, 12),
            _ => options.SampledFrames,
        };
        var frames = new List<FrameFace>(samples);
        var usable = new List<(VideoFrame Frame, ImageFace Face, float Quality)>(samples);
        var scratch = new List<FaceBox>();
        try
        {
            using (clip)
            {
                decodeMs += clock.Elapsed.TotalMilliseconds;
                var mark = clock.Elapsed.TotalMilliseconds;
                foreach (var frame in clip.Sample(samples, options.MaxDecodedFrames, cancellationToken))
                {
                    var decoded = clock.Elapsed.TotalMilliseconds;
                    decodeMs += decoded - mark;
                    var face = ImageFace.Find(engine, frame.Image, scratch, options.MinFacePixels);
                    var yaw = face.Landmarks?.YawProxy ?? float.NaN;
                    var eyes = face.Landmarks is not null && challenge == ChallengeKind.Blink ? engine.EyesOpen(frame.Image, face.Landmarks) : float.NaN;
                    frames.Add(new FrameFace(frame.Index, face.Finding, face.FaceCount, face.Box.Score, face.Box.Height, yaw, eyes));
                    if (face.Finding == FaceFinding.One)
                    {
                        usable.Add((frame, face, Quality(face)));
                    }
                    else
                    {
                        frame.Dispose();
                    }

                    mark = clock.Elapsed.TotalMilliseconds;
                    detectMs += mark - decoded;
                }

                decodeMs += clock.Elapsed.TotalMilliseconds - mark;
                if (frames.Count == 0)
                {
                    return Reject(new FaceCheck.BadVideo("no frame could be decoded"));
                }

                var seconds = clip.Fps > 0 ? clip.DecodedFrames / clip.Fps : 0;
                if (seconds < 1.0)
                {
                    return Reject(new FaceCheck.BadVideo("shorter than 1 second"));
                }
            }

            var rejection = Judge(frames, usable.Count);
            if (rejection is not null)
            {
                return Reject(rejection);
            }

            return Measure(frames, usable, new StageTimes(decodeMs, detectMs, 0, 0));
        }
        finally
        {
            foreach (var u in usable)
            {
                u.Frame.Dispose();
            }
        }

        VideoEvidence Reject(FaceCheck check) => VideoEvidence.Rejected(check, frames, new StageTimes(decodeMs, detectMs, 0, 0));
    }

    private VideoEvidence Measure(List<FrameFace> frames, List<(VideoFrame Frame, ImageFace Face, float Quality)> usable, StageTimes times)
    {
        var clock = Stopwatch.StartNew();
        var best = usable.OrderByDescending(u => u.Quality).Take(BestFrames).ToList();
        var embeddings = new List<float[]>(best.Count);
        foreach (var (frame, face, _) in best)
        {
            var embedding = new float[FaceEngine.EmbeddingSize];
            if (engine.Embed(frame.Image, face.Landmarks!, embedding))
            {
                embeddings.Add(embedding);
            }
        }

        var embedMs = clock.Elapsed.TotalMilliseconds;
        Span<double> live = stackalloc double[best.Count];
        for (var i = 0; i < best.Count; i++)
        {
            live[i] = engine.Liveness(best[i].Frame.Image, best[i].Face.Box);
        }

        live.Sort();
        var passive = live.Length == 0 ? 0 : live[live.Length / 2];
        var motion = Motion(usable);
        var livenessMs = clock.Elapsed.TotalMilliseconds - embedMs;
        return new VideoEvidence(null, frames, embeddings, passive, motion, times with { EmbedMs = embedMs, LivenessMs = livenessMs });
    }

    private static TemporalMotion Motion(List<(VideoFrame Frame, ImageFace Face, float Quality)> usable)
    {
        var landmarks = new List<FaceLandmarks>(usable.Count);
        var crops = new List<Mat>(usable.Count);
        try
        {
            foreach (var (frame, face, _) in usable)
            {
                using var aligned = FaceEmbedder.Align(frame.Image, face.Landmarks!);
                if (aligned is null)
                {
                    continue;
                }

                using var gray = new Mat();
                Cv2.CvtColor(aligned, gray, ColorConversionCodes.BGR2GRAY);
                var small = new Mat();
                Cv2.Resize(gray, small, new Size(TemporalLiveness.CropSide, TemporalLiveness.CropSide), 0, 0, InterpolationFlags.Area);
                crops.Add(small);
                landmarks.Add(face.Landmarks!);
            }

            return TemporalLiveness.Measure(landmarks, crops);
        }
        finally
        {
            foreach (var crop in crops)
            {
                crop.Dispose();
            }
        }
    }

    private static FaceCheck? Judge(List<FrameFace> frames, int one)
    {
        var several = 0;
        var small = 0;
        var most = 0;
        foreach (var f in frames)
        {
            several += f.Finding == FaceFinding.Several ? 1 : 0;
            small += f.Finding == FaceFinding.TooSmall ? 1 : 0;
            most = f.Finding == FaceFinding.Several ? Math.Max(most, f.FaceCount) : most;
        }

        // A second person in a fair share of the clip is a reason to refuse, even when some frames show one face.
        if (several > 0 && several * 3 >= frames.Count)
        {
            return new FaceCheck.SeveralFaces(most);
        }

        if (one == 0)
        {
            return small > 0 ? new FaceCheck.FaceTooSmall() : new FaceCheck.NoFace();
        }

        return null;
    }

    // Confident, frontal, large faces first.
    private static float Quality(ImageFace face) =>
        face.Box.Score * (1 - Math.Min(1, Math.Abs(face.Landmarks!.YawProxy))) * Math.Min(1, face.Box.Height / 112f);
}
