namespace Rollcall.Faces;

/// <summary>What of ours failed while checking a video note: never the student's fault, so never an attempt.</summary>
public enum FaceEngineFault
{
    /// <summary>The note could not be written to the temp folder (full or read-only disk).</summary>
    TempStorage,

    /// <summary>Decoding or analysis ran past FACE_VIDEO_TIMEOUT_SECONDS (usually a machine starved of CPU).</summary>
    Timeout,

    /// <summary>The decoder process died (a signal, the memory limit) instead of reading or refusing the file.</summary>
    DecoderCrashed,

    /// <summary>The decoder could not be started (FACE_FFMPEG missing or not executable).</summary>
    DecoderUnavailable,

    /// <summary>A remote face service (Rekognition) failed: keys, rights, throttling or an outage.</summary>
    ProviderFailed,
}

/// <summary>
/// Infrastructure failed while checking a video note (see <see cref="FaceEngineFault"/>); a bad video is a
/// <see cref="FaceCheck.BadVideo"/> result instead. The job can be tried again later.
/// </summary>
public sealed class FaceEngineFaultException : Exception
{
    public FaceEngineFaultException()
    {
    }

    public FaceEngineFaultException(string message)
        : base(message)
    {
    }

    public FaceEngineFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FaceEngineFaultException(FaceEngineFault fault, string detail, Exception? innerException = null)
        : base($"{fault}: {detail}", innerException)
    {
        Fault = fault;
    }

    public FaceEngineFault Fault { get; }
}
