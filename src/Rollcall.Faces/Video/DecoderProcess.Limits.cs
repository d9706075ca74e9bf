using System.Globalization;
using System.Runtime.InteropServices;

namespace Rollcall.Faces.Video;

/// <summary>The child's CPU: read from /proc, and limited per note with prlimit(2) from this side.</summary>
internal sealed partial class DecoderProcess
{
    private const int ResourceCpu = 0;
    private const ulong Unlimited = ulong.MaxValue;
    private static readonly double TicksPerSecond = 100;

    /// <summary>CPU time the child has used so far (user + system); zero once it is gone.</summary>
    public TimeSpan Cpu => CpuOf(process.Id);

    /// <summary>
    /// Lets the child use at most <paramref name="seconds"/> more CPU seconds (SIGXCPU, which ends it, at the soft limit). Set
    /// from the host before each note, so a note that spins in the decoder ends even if the host's own timer is starved.
    /// </summary>
    public void LimitCpu(int seconds)
    {
        var limit = new ResourceLimit((ulong)Math.Ceiling(Cpu.TotalSeconds) + (ulong)seconds, Unlimited);
        if (OperatingSystem.IsLinux() && SetLimit(process.Id, ResourceCpu, ref limit, IntPtr.Zero) != 0)
        {
            Healthy = false;
        }
    }

    internal static TimeSpan CpuOf(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    [LibraryImport("libc", EntryPoint = "prlimit", SetLastError = true)]
    private static partial int SetLimit(int pid, int resource, ref ResourceLimit newLimit, IntPtr oldLimit);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Soft, ulong Hard);
}
