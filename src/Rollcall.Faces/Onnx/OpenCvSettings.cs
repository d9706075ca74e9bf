using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>Process-wide OpenCV settings for small images on a small, virtualised machine; applied before the first OpenCV call.</summary>
internal static partial class OpenCvSettings
{
    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>Applies the settings once (later calls do nothing).</summary>
    public static void EnsureApplied() => _ = Applied.Value;

    private static bool Apply()
    {
        // OpenCV's bundled IPP re-runs its CPU detection (CPUID) on every call here; in a virtual machine each CPUID traps to the
        // hypervisor, so a 56x56 ECC registration took 3.5 ms with IPP and 0.8 ms without (perf: 63 % of it in icv_ipp_is_GenuineIntel).
        // OpenCV reads OPENCV_IPP from the native environment on its first IPP use; an operator's own value is kept.
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnvironment("OPENCV_IPP", "disabled", overwrite: 0);
        }

        // OpenCV warns on stderr that IPP is off the first time it would use it: make that first use here, quietly.
        var level = Cv2.GetLogLevel();
        Cv2.SetLogLevel(LogLevel.ERROR);
        using (var probe = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(0)))
        using (var resized = new Mat())
        {
            Cv2.Resize(probe, resized, new Size(4, 4));
        }

        Cv2.SetLogLevel(level);

        // OpenCV's own worker threads only cost on tiny images (56-384 px): each parallel region waits for a second core that the
        // video pipeline or another verification is already using (bench: ECC pair 17.8 ms under load; whole note ~20 % faster with one).
        Cv2.SetNumThreads(1);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
