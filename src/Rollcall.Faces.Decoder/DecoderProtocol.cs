namespace Rollcall.Faces.Decoder;

/// <summary>
/// What the host and the decoder child say to each other (little-endian). Host to child on stdin: a request (the wanted frames
/// and the note's H.264 access units in decode order, Annex B), then one byte for each frame it has copied out of its slot.
/// Child to host on stdout: Ready once, then for each request its frames (each in a shared-memory slot) and an End.
/// </summary>
public static class DecoderProtocol
{
    public const uint RequestMagic = 0x31514452; // "RDQ1"
    public const byte Ready = (byte)'R';
    public const byte Unavailable = (byte)'U';
    public const byte Frame = (byte)'F';
    public const byte End = (byte)'E';

    /// <summary>Frames decoded ahead of the host: the slots of the shared memory.</summary>
    public const int Slots = 4;

    /// <summary>The child's exit code when memory ran out outside the decoder (reading a request).</summary>
    public const int ExitOutOfMemory = 4;

    /// <summary>Bounds a request may not pass, whatever the host sends; the wanted frames are the host's FramePlan.MaxFrames (the
    /// followed frames of a 5-s window at 15 a second and the 16 detected ones: 81 at 30 fps; 64 refused every note over 4 s).</summary>
    public const int MaxWanted = 96;
    public const int MaxPackets = 20_000;
    public const long MaxRequestBytes = 256L << 20;

    /// <summary>How a note ended.</summary>
    public enum Status
    {
        /// <summary>Every wanted frame was sent, or the stream ended first.</summary>
        Read = 0,

        /// <summary>The stream is not one this decoder reads, or a picture is over the limit: a bad video.</summary>
        Refused = 1,

        /// <summary>Memory ran out (the address-space limit): ours, not the student's.</summary>
        OutOfMemory = 2,
    }

    /// <summary>Bytes of one slot: a BGR picture of the largest size allowed.</summary>
    public static long SlotBytes(long maxPixels) => maxPixels * 3;
}
