using System.Collections.Concurrent;
using System.Diagnostics;
using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces.Video;

/// <summary>Samples frames across a video note, finds one face, and gathers embeddings, liveness signals and the challenge's signals.</summary>
/// <param name="bestFrames">Frames embedded and scored; other values only for measurements (`rollcall bench faces`).</param>
/// <param name="keepBestFrame">Keep the best frame as a JPEG (<see cref="VideoEvidence.BestFrame"/>): a self-enrolment's ID photo.</param>
/// <param name="trackingFps">Frames a second followed for a challenge; other values only for measurements.</param>
public sealed class VideoNoteAnalyzer(
    FaceEngine engine, FaceOptions options, int bestFrames = VideoNoteAnalyzer.BestFrames, bool keepBestFrame = false, double trackingFps = VideoNoteAnalyzer.TrackingFps)
{
    /// <summary>How many of the best frames are embedded and scored; the similarity is their median (the mean of two).</summary>
    /// <remarks>Two, not three: TAR/FAR/EER were the same on 45 synthetic clips (`rollcall bench faces --video-accuracy`), and each frame costs an embedding and a passive run.</remarks>
    public const int BestFrames = 2;

    /// <summary>Frames a second whose face is followed when a challenge is asked: a blink shuts the eyes for 0.1-0.3 s.</summary>
    public const double TrackingFps = 15;

    // Decoded frames waiting for analysis: enough to keep the decoder busy, few enough to bound memory.
    private const int DecodeAhead = 4;

    public VideoEvidence Analyze(ReadOnlyMemory<byte> video, Challenge challenge, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.VideoTimeout);
        try
        {
            return Run(video, challenge, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Under load a note can take longer than it should: that is our failure, not a bad video.
            throw new FaceEngineFaultException(FaceEngineFault.Timeout, $"the check took longer than {options.VideoTimeoutSeconds} s", ex);
        }
    }

    private VideoEvidence Run(ReadOnlyMemory<byte> video, Challenge challenge, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (track, failure) = VideoLimits.Check(video.Span, options);
        if (track is null)
        {
            return VideoEvidence.Rejected(new FaceCheck.BadVideo(failure!), [], new StageTimes(clock.Elapsed.TotalMilliseconds, 0, 0, 0));
        }

        var spread = FramePlan.Spread(track, options.SampledFrames, options);
        // The face is followed for the challenge, and for the passive decision's moving parts (blink, smile, open mouth).
        var follow = challenge.IsAsked || options.LivenessRequired;
        var plan = follow ? FramePlan.WithTracking(track, spread, trackingFps, options, challenge.IsAsked ? null : options.PassiveWindowSeconds) : spread;
        var work = new FrameWork(spread, follow ? new ChallengeFrames(engine, options.MinFacePixels, plan.Length) : null);
        var decodeMs = 0.0;
        try
        {
            using (var decoder = FrameDecoder.Start(options, video.Span, plan, cancellationToken))
            {
                decodeMs = clock.Elapsed.TotalMilliseconds + DecodeAlongside(decoder, work, cancellationToken);
                if (work.Frames.Count == 0)
                {
                    return Reject(new FaceCheck.BadVideo(decoder.Failure ?? "no frame could be decoded"));
                }

                if ((work.Frames[^1].Index + 1) / track.Fps < VideoLimits.MinSeconds)
                {
                    return Reject(new FaceCheck.BadVideo("less than 1 second of it could be decoded"));
                }
            }

            var rejection = Judge(work.Frames, work.Usable.Count);
            if (rejection is not null)
            {
                return Reject(rejection);
            }

            work.Fps = track.Fps;
            return Measure(work, new StageTimes(decodeMs, work.DetectMs, 0, work.MotionMs) { ChallengeMs = work.ChallengeMs });
        }
        finally
        {
            work.Dispose();
        }

        VideoEvidence Reject(FaceCheck check) => VideoEvidence.Rejected(check, work.Frames, new StageTimes(decodeMs, work.DetectMs, 0, work.MotionMs));
    }

    // Decoding runs on its own thread (the child's output read as it comes) while this one detects and registers the frames
    // already decoded; returns the reading thread's busy time.
    private double DecodeAlongside(FrameDecoder decoder, FrameWork work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<VideoFrame>(DecodeAhead);
        var decoding = Task.Factory.StartNew(() => Decode(decoder, queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var frame in queue.GetConsumingEnumerable(stop.Token))
            {
                Examine(frame, work);
            }
        }
        finally
        {
            // The decoder must finish before it is disposed: stop it (a no-op once it has finished), wait, and free what it left behind.
            stop.Cancel();
            Task.WaitAny([decoding], CancellationToken.None);
            while (queue.TryTake(out var left))
            {
                left.Dispose();
            }
        }

        // A synchronous join on finished work: rethrows the decoder's own failure (time-out, crash) unwrapped.
        return decoding.GetAwaiter().GetResult();
    }

    private static double Decode(FrameDecoder decoder, BlockingCollection<VideoFrame> queue, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var frame in decoder.Frames(cancellationToken))
            {
                try
                {
                    queue.Add(frame, cancellationToken);
                }
                catch
                {
                    frame.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private void Examine(VideoFrame frame, FrameWork work)
    {
        var start = Stopwatch.GetTimestamp();
        if (Array.BinarySearch(work.Spread, frame.Index) < 0)
        {
            // A frame only the challenge asked for: followed, not detected, and not kept.
            work.Challenge!.AddTracked(frame.Image, frame.Index);
            work.ChallengeMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            frame.Dispose();
            return;
        }

        var face = ImageFace.Find(engine, frame.Image, work.Boxes, options.MinFacePixels);
        work.Frames.Add(new FrameFace(frame.Index, face.Finding, face.FaceCount, face.Box.Score, face.Box.Height));
        work.DetectMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (work.Challenge is { } challenge)
        {
            start = Stopwatch.GetTimestamp();
            challenge.AddDetected(frame.Image, frame.Index, face);
            work.ChallengeMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        if (face.Finding != FaceFinding.One)
        {
            frame.Dispose();
            return;
        }

        work.Usable.Add(new UsableFrame(frame, face, Quality(face)));
        start = Stopwatch.GetTimestamp();
        work.Motion.Add(frame.Image, face.Landmarks!);
        work.MotionMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private VideoEvidence Measure(FrameWork work, StageTimes times)
    {
        var usable = work.Usable;
        usable.Sort(static (a, b) => b.Quality.CompareTo(a.Quality));
        var best = Math.Min(usable.Count, bestFrames);
        var embeddings = new float[]?[best];
        var live = new double[best];
        double embedMs = 0, passiveMs = 0;

        // The two models are independent: embed on one core while the anti-spoof model runs on the other.
        Parallel.Invoke(
            () =>
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < best; i++)
                {
                    var embedding = new float[FaceEngine.EmbeddingSize];
                    embeddings[i] = engine.Embed(usable[i].Frame.Image, usable[i].Face.Landmarks!, embedding) ? embedding : null;
                }

                embedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            },
            () =>
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < best; i++)
                {
                    live[i] = engine.Liveness(usable[i].Frame.Image, usable[i].Face.Box);
                }

                passiveMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });

        var found = new List<float[]>(best);
        foreach (var embedding in embeddings)
        {
            if (embedding is not null)
            {
                found.Add(embedding);
            }
        }

        // The median; with two frames their mean, not the more lenient of the two.
        Array.Sort(live);
        var n = live.Length;
        var passive = n == 0 ? 0 : n % 2 == 1 ? live[n / 2] : (live[(n / 2) - 1] + live[n / 2]) / 2;
        return new VideoEvidence(null, work.Frames, found, passive, work.Motion.Result(), times with { EmbedMs = embedMs, LivenessMs = times.LivenessMs + passiveMs })
        {
            BestFrame = keepBestFrame && best > 0 ? Jpeg(usable[0].Frame.Image) : null,
            Signals = work.Challenge?.Signals ?? [],
            Fps = work.Fps,
        };
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

    private static byte[] Jpeg(Mat image)
    {
        Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
        return jpeg;
    }

    // Confident, frontal, large faces first.
    private static float Quality(ImageFace face) =>
        face.Box.Score * (1 - Math.Min(1, Math.Abs(face.Landmarks!.YawProxy))) * Math.Min(1, face.Box.Height / 112f);

    private sealed record UsableFrame(VideoFrame Frame, ImageFace Face, float Quality);

    // What the analysis thread gathers from the frames of one clip.
    private sealed class FrameWork(int[] spread, ChallengeFrames? challenge) : IDisposable
    {
        /// <summary>The frames detected (the rest are only followed for the challenge).</summary>
        public int[] Spread { get; } = spread;

        public ChallengeFrames? Challenge { get; } = challenge;

        public List<FrameFace> Frames { get; } = new(spread.Length);

        public List<UsableFrame> Usable { get; } = new(spread.Length);

        public List<FaceBox> Boxes { get; } = [];

        public TemporalMotionMeter Motion { get; } = new(spread.Length);

        public double Fps { get; set; }

        public double DetectMs { get; set; }

        public double ChallengeMs { get; set; }

        public double MotionMs { get; set; }

        public void Dispose()
        {
            Motion.Dispose();
            foreach (var u in Usable)
            {
                u.Frame.Dispose();
            }
        }
    }
}
