using System.Runtime.InteropServices;

namespace Rollcall.Faces;

/// <summary>CPU time of this process plus that of its decoder children (live and finished), for measuring cost per note.</summary>
public static partial class CpuClock
{
    private const int Self = 0;
    private const int Children = -1;

    /// <summary>User + system time so far, of this process and of its children: those it has waited for and the live decoders.</summary>
    public static TimeSpan Now() => Used(Self) + OfChildren();

    /// <summary>Only the children's share (the live decoders' from /proc, 10-ms ticks).</summary>
    public static TimeSpan OfChildren() => Used(Children) + Video.DecoderPool.LiveCpu();

    private static TimeSpan Used(int who)
    {
        if (!OperatingSystem.IsLinux())
        {
            return who == Self ? System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
        }

        Span<long> usage = stackalloc long[18];
        if (GetResourceUsage(who, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            return TimeSpan.Zero;
        }

        // struct rusage on 64-bit Linux starts with ru_utime and ru_stime, each { tv_sec, tv_usec }.
        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, ref long usage);
}
