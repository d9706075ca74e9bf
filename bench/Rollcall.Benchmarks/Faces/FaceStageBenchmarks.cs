using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Benchmarks.Faces;

/// <summary>One photo through each stage of the engine (one intra-op thread per session, as in production).</summary>
[MemoryDiagnoser]
public class FaceStageBenchmarks
{
    private readonly List<FaceBox> boxes = [];
    private readonly float[] embedding = new float[FaceEngine.EmbeddingSize];
    private readonly Point2f[] from = new Point2f[FaceLandmarks.Count];
    private readonly Point2f[] to = new Point2f[FaceLandmarks.Count];
    private FaceEngine engine = null!;
    private Mat image = null!;
    private FaceBox box;
    private FaceLandmarks landmarks = null!;
    private FaceLandmarks otherLandmarks = null!;
    private Mat crop = null!;
    private Mat otherCrop = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = BenchmarkInputs.Engine();
        image = Cv2.ImDecode(BenchmarkInputs.Photo("person01", "img2.jpg"), ImreadModes.Color);
        engine.Detect(image, boxes);
        box = boxes[0];
        landmarks = engine.Landmarks(image, box);
        crop = GrayCrop(image, landmarks);
        using var other = Cv2.ImDecode(BenchmarkInputs.Photo("person01", "img1.jpg"), ImreadModes.Color);
        engine.Detect(other, boxes);
        otherLandmarks = engine.Landmarks(other, boxes[0]);
        otherCrop = GrayCrop(other, otherLandmarks);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        crop.Dispose();
        otherCrop.Dispose();
        image.Dispose();
        engine.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Detect()
    {
        engine.Detect(image, boxes);
        return boxes.Count;
    }

    [Benchmark]
    public FaceLandmarks Landmarks() => engine.Landmarks(image, box);

    [Benchmark]
    public bool AlignAndEmbed() => engine.Embed(image, landmarks, embedding);

    [Benchmark]
    public float PassiveLiveness() => engine.Liveness(image, box);

    /// <summary>One consecutive frame pair of the temporal check: landmark homography and ECC registration of 56x56 crops.</summary>
    [Benchmark]
    public double TemporalPair() => TemporalLiveness.Pair(landmarks, otherLandmarks, crop, otherCrop, from, to).Change;

    private static Mat GrayCrop(Mat bgr, FaceLandmarks points)
    {
        using var aligned = FaceEmbedder.Align(bgr, points)!;
        using var gray = new Mat();
        Cv2.CvtColor(aligned, gray, ColorConversionCodes.BGR2GRAY);
        var small = new Mat();
        Cv2.Resize(gray, small, new Size(TemporalLiveness.CropSide, TemporalLiveness.CropSide), 0, 0, InterpolationFlags.Area);
        return small;
    }
}

// 2026-11-28, shared 2-core VM (load average ~6 from other builds), OpenCV on one thread
// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.10GHz, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT x86-64-v4
// Job=ShortRun  Toolchain=InProcessEmitToolchain  IterationCount=3  LaunchCount=1  WarmupCount=3
//
// | Method          | Mean        | Error       | StdDev      | Ratio | RatioSD | Gen0   | Allocated | Alloc Ratio |
// |---------------- |------------:|------------:|------------:|------:|--------:|-------:|----------:|------------:|
// | Detect          |  4,960.4 us |  8,109.2 us |   444.49 us |  1.01 |    0.11 |      - |     840 B |        1.00 |
// | Landmarks       |    389.5 us |  1,330.7 us |    72.94 us |  0.08 |    0.01 | 0.4883 |    1752 B |        2.09 |
// | AlignAndEmbed   | 16,223.8 us | 20,787.1 us | 1,139.41 us |  3.29 |    0.34 |      - |    1501 B |        1.79 |
// | PassiveLiveness | 13,530.0 us | 29,890.3 us | 1,638.39 us |  2.74 |    0.37 |      - |     848 B |        1.01 |
// | TemporalPair    | 13,323.3 us | 34,959.5 us | 1,916.25 us |  2.70 |    0.40 |      - |    2245 B |        2.67 |
// TemporalPair registers two different photos (ECC runs all 10 iterations); consecutive frames of a note converge in 1-3.
