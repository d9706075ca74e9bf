using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Benchmarks.Faces;

/// <summary>The detector's preprocessing: a 320x240 BGR image into three normalised RGB planes.</summary>
[MemoryDiagnoser]
public class ToPlanarBenchmarks
{
    private Mat image = null!;
    private float[] destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var photo = Cv2.ImDecode(BenchmarkInputs.Photo(), ImreadModes.Color);
        image = new Mat();
        Cv2.Resize(photo, image, new Size(320, 240));
        destination = new float[3 * 320 * 240];
    }

    [GlobalCleanup]
    public void Cleanup() => image.Dispose();

    /// <summary>The obvious loop: one Mat.At call per pixel.</summary>
    [Benchmark(Baseline = true)]
    public void PerPixelAt()
    {
        var width = image.Cols;
        var height = image.Rows;
        var plane = width * height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var px = image.At<Vec3b>(y, x);
                var i = (y * width) + x;
                destination[i] = (px.Item2 - 127f) / 128f;
                destination[plane + i] = (px.Item1 - 127f) / 128f;
                destination[(2 * plane) + i] = (px.Item0 - 127f) / 128f;
            }
        }
    }

    /// <summary>What the engine does: spans over each row, invariants hoisted (PixelRows.ToPlanar).</summary>
    [Benchmark]
    public void RowSpans() => PixelRows.ToPlanar(image, destination, ChannelNormalization.Centered);
}

// 2026-11-28, shared 2-core VM (load average ~10 from other builds: read ratios, not absolute times)
// BenchmarkDotNet v0.15.8, Linux Debian GNU/Linux 12 (bookworm)
// AMD EPYC 2.10GHz, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT x86-64-v4
// Job=ShortRun  Toolchain=InProcessEmitToolchain  IterationCount=3  LaunchCount=1  WarmupCount=3
//
// | Method     | Mean       | Error      | StdDev   | Ratio | RatioSD | Allocated | Alloc Ratio |
// |----------- |-----------:|-----------:|---------:|------:|--------:|----------:|------------:|
// | PerPixelAt | 1,402.2 us |   936.0 us | 51.30 us |  1.00 |    0.04 |         - |          NA |
// | RowSpans   |   348.9 us | 1,300.2 us | 71.27 us |  0.25 |    0.04 |       1 B |          NA |
