using System.Runtime.InteropServices;

namespace Rollcall.Faces;

/// <summary>CPU time of this process plus that of its finished children (the ffmpeg decoders), for measuring cost per note.</summary>
public static partial class CpuClock
{
    private const int Self = 0;
    private const int Children = -1;

    /// <summary>User + system time so far, both of this process and of the children it has waited for.</summary>
    public static TimeSpan Now() => Used(Self) + Used(Children);

    /// <summary>Only the finished children's share.</summary>
    public static TimeSpan OfChildren() => Used(Children);

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
