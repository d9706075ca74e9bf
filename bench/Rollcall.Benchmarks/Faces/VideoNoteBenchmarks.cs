using BenchmarkDotNet.Attributes;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Benchmarks.Faces;

/// <summary>One whole video note (the clip `rollcall bench faces` times), and its decoding alone.</summary>
[MemoryDiagnoser]
public class VideoNoteBenchmarks
{
    private readonly FaceOptions options = new();
    private FaceEngine engine = null!;
    private VideoNoteAnalyzer analyzer = null!;
    private byte[] note = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = BenchmarkInputs.Engine();
        analyzer = new VideoNoteAnalyzer(engine, options);
        note = BenchmarkInputs.VideoNote();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        engine.Dispose();
        DecoderPool.StopAll();
    }

    [Benchmark(Baseline = true)]
    public VideoEvidence WholeNote() => analyzer.Analyze(note, ChallengeKind.None, CancellationToken.None);

    /// <summary>Reading the container and decoding the sampled frames in a pooled decoder child (every frame up to the last sample is decoded).</summary>
    [Benchmark]
    public int DecodeOnly()
    {
        var (track, _) = VideoLimits.Check(note, options);
        using var decoder = FrameDecoder.Start(options, note, FramePlan.Spread(track!, options.SampledFrames, options), CancellationToken.None);
        var count = 0;
        foreach (var frame in decoder.Frames(CancellationToken.None))
        {
            frame.Dispose();
            count++;
        }

        return count;
    }
}

// 2026-11-28, shared 2-core VM (load average ~6 from other builds), pipelined analyzer, OpenCV on one thread
// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.10GHz, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT x86-64-v4
// Job=ShortRun  Toolchain=InProcessEmitToolchain  IterationCount=3  LaunchCount=1  WarmupCount=3
//
// | Method     | Mean      | Error     | StdDev    | Ratio | RatioSD | Allocated | Alloc Ratio |
// |----------- |----------:|----------:|----------:|------:|--------:|----------:|------------:|
// | WholeNote  | 155.79 ms | 476.53 ms | 26.120 ms |  1.02 |    0.21 |  72.34 KB |        1.00 |
// | DecodeOnly |  42.44 ms |  44.28 ms |  2.427 ms |  0.28 |    0.04 |   2.25 KB |        0.03 |
// An earlier run with OpenCV's default worker threads measured WholeNote at 616 ms mean under load average ~10 (not comparable).
