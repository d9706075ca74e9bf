using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO.MemoryMappedFiles;
using Rollcall.Faces.Decoder;

namespace Rollcall.Faces.Video;

/// <summary>
/// One long-lived decoder child (rollcall-decoder) under resource limits: address space, no files written, no core dumps, few
/// descriptors; CPU time is limited per note (<see cref="LimitCpu"/>). Frames come back through a shared-memory file of
/// <see cref="DecoderProtocol.Slots"/> BGR slots; requests and replies go over its stdin and stdout.
/// </summary>
internal sealed unsafe partial class DecoderProcess : IDisposable
{
    /// <summary>Address space of the child: the .NET runtime (its heap capped below) and FFmpeg's libraries take about 350 MB.</summary>
    public const long AddressSpaceBytes = 1L << 30;

    private readonly Process process;
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* slots;
    private readonly long slotBytes;
    private readonly object errorLock = new();
    private string lastError = "";

    private DecoderProcess(Process process, MemoryMappedFile map, long slotBytes)
    {
        this.process = process;
        this.map = map;
        this.slotBytes = slotBytes;
        view = map.CreateViewAccessor(0, slotBytes * DecoderProtocol.Slots);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        slots = start + view.PointerOffset;
        Replies = new BinaryReader(new BufferedStream(process.StandardOutput.BaseStream, 1 << 12));
        Requests = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 1 << 16));
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lock (errorLock)
                {
                    lastError = e.Data.Length > 300 ? e.Data[..300] : e.Data;
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    /// <summary>False once the child died, was killed or broke the protocol: it is not used again.</summary>
    public bool Healthy { get; private set; } = true;

    public BinaryReader Replies { get; }

    public BinaryWriter Requests { get; }

    /// <summary>The child's last line on stderr (FFmpeg's errors), for the log.</summary>
    public string LastError
    {
        get
        {
            lock (errorLock)
            {
                return lastError;
            }
        }
    }

    /// <summary>Starts a child and waits for it to say it is ready; the token kills it.</summary>
    public static DecoderProcess Start(DecoderSettings settings, int cpuSeconds, CancellationToken cancellationToken)
    {
        var slotBytes = DecoderProtocol.SlotBytes(settings.MaxPixels);
        var (path, map) = SharedSlots.Create(settings.SharedFolder, slotBytes * DecoderProtocol.Slots);
        Process? process = null;
        DecoderProcess? child = null;
        try
        {
            process = Process.Start(StartInfo(settings, path, cpuSeconds)) ?? throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, "prlimit did not start");
            child = new DecoderProcess(process, map, slotBytes);
            using (cancellationToken.Register(child.Kill))
            {
                child.AwaitReady(cancellationToken);
            }

            return child;
        }
        catch (Exception ex)
        {
            if (child is not null)
            {
                child.Kill();
                child.Dispose();
            }
            else
            {
                process?.Kill();
                process?.Dispose();
                map.Dispose();
            }

            throw ex is Win32Exception
                ? new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, "prlimit (util-linux) could not be started", ex)
                : ex is IOException or EndOfStreamException && cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : ex;
        }
        finally
        {
            // Both sides have it mapped (or the child is gone): the name is no longer needed, and nothing is left behind.
            SharedSlots.Delete(path);
        }
    }

    /// <summary>
    /// The command line: limits first (CPU as a soft limit, which <see cref="LimitCpu"/> moves on before each note), then the
    /// decoder with its shared file and the largest picture it may write.
    /// </summary>
    internal static List<string> Arguments(DecoderSettings settings, string sharedPath, int cpuSeconds) =>
    [
        $"--as={AddressSpaceBytes}", "--core=0", "--fsize=0", "--nofile=64", $"--cpu={cpuSeconds}:unlimited", "--",
        .. settings.Command, sharedPath, settings.MaxPixels.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Copies a slot's picture into a new BGR image (validated against the slot's size: the child is not trusted).</summary>
    public OpenCvSharp.Mat CopySlot(int slot, int width, int height)
    {
        var bytes = (long)width * height * 3;
        if (slot is < 0 or >= DecoderProtocol.Slots || width <= 0 || height <= 0 || bytes > slotBytes)
        {
            throw new InvalidDataException($"the decoder sent a frame that does not fit its slot ({width}x{height} in slot {slot})");
        }

        var image = new OpenCvSharp.Mat(height, width, OpenCvSharp.MatType.CV_8UC3);
        Buffer.MemoryCopy(slots + (slot * slotBytes), (void*)image.Data, bytes, bytes);
        return image;
    }

    /// <summary>Why the child stopped answering: its exit, as a fault of ours (a signal, memory, or a missing library).</summary>
    public FaceEngineFaultException Failure()
    {
        Healthy = false;
        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            Kill();
            return new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, "the decoder stopped answering");
        }

        var code = process.ExitCode;
        var detail = $"the decoder exited with {code}: {LastError}";
        return code is >= 128 or DecoderProtocol.ExitOutOfMemory || LastError.Contains("memory", StringComparison.OrdinalIgnoreCase)
            ? new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, detail)
            : new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, detail);
    }

    public void Kill()
    {
        Healthy = false;
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Closes the child's stdin (it exits), then makes sure it is gone.</summary>
    public void Dispose()
    {
        Healthy = false;
        try
        {
            Requests.Dispose();
        }
        catch (IOException)
        {
            // The child is already gone.
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(1)))
        {
            Kill();
            process.WaitForExit();
        }

        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(DecoderSettings settings, string sharedPath, int cpuSeconds)
    {
        var start = new ProcessStartInfo("prlimit")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Arguments(settings, sharedPath, cpuSeconds))
        {
            start.ArgumentList.Add(argument);
        }

        // The .NET runtime fits the address-space limit only when told: a small GC heap, regions and malloc arenas. W^X off: its
        // double mapping of code grows a memory file, which --fsize=0 forbids (SIGXFSZ). No diagnostics port (no socket, no debugger).
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x8000000";
        start.Environment["DOTNET_GCRegionRange"] = "0x10000000";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        return start;
    }

    private void AwaitReady(CancellationToken cancellationToken)
    {
        int kind;
        try
        {
            kind = Replies.ReadByte();
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Failure();
        }

        if (kind == DecoderProtocol.Unavailable)
        {
            Healthy = false;
            throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, Replies.ReadString());
        }

        if (kind != DecoderProtocol.Ready)
        {
            Kill();
            throw new FaceEngineFaultException(FaceEngineFault.DecoderUnavailable, $"the decoder did not start: {LastError}");
        }
    }
}
