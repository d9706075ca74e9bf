namespace Rollcall.Faces.Decoder;

/// <summary>One note to decode: the wanted frames (presentation order) and its access units, each in a padded FFmpeg buffer.</summary>
internal sealed class NoteRequest : IDisposable
{
    private NoteRequest(long maxPixels, int[] wanted, IntPtr[] packets, int[] sizes)
    {
        MaxPixels = maxPixels;
        Wanted = wanted;
        Packets = packets;
        Sizes = sizes;
    }

    public long MaxPixels { get; }

    public int[] Wanted { get; }

    /// <summary>av_malloc'd access units; a slot is set to zero once FFmpeg owns the buffer.</summary>
    public IntPtr[] Packets { get; }

    public int[] Sizes { get; }

    /// <summary>The next request, or false when stdin closed or the request breaks the protocol's bounds.</summary>
    public static unsafe bool TryRead(BinaryReader reader, long slotPixels, out NoteRequest request)
    {
        request = null!;
        try
        {
            if (reader.ReadUInt32() != DecoderProtocol.RequestMagic)
            {
                return false;
            }

            var maxPixels = reader.ReadInt64();
            var wanted = new int[reader.ReadInt32() is var w and >= 1 and <= DecoderProtocol.MaxWanted ? w : throw new InvalidDataException()];
            for (var i = 0; i < wanted.Length; i++)
            {
                wanted[i] = reader.ReadInt32();
            }

            var count = reader.ReadInt32();
            if (maxPixels <= 0 || maxPixels > slotPixels || count is < 0 or > DecoderProtocol.MaxPackets)
            {
                return false;
            }

            request = new NoteRequest(maxPixels, wanted, new IntPtr[count], new int[count]);
            long total = 0;
            for (var i = 0; i < count; i++)
            {
                var size = reader.ReadInt32();
                total += size;
                if (size <= 0 || total > DecoderProtocol.MaxRequestBytes)
                {
                    request.Dispose();
                    return false;
                }

                var buffer = LibAv.av_malloc((nuint)(size + LibAv.InputPadding));
                if (buffer == IntPtr.Zero)
                {
                    // The address-space limit: the host sees this exit code as a decoder out of memory.
                    Environment.Exit(DecoderProtocol.ExitOutOfMemory);
                }

                request.Packets[i] = buffer;
                request.Sizes[i] = size;
                var span = new Span<byte>((void*)buffer, size + LibAv.InputPadding);
                reader.BaseStream.ReadExactly(span[..size]);
                span[size..].Clear();
            }

            return true;
        }
        catch (EndOfStreamException)
        {
            request?.Dispose();
            return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < Packets.Length; i++)
        {
            if (Packets[i] != IntPtr.Zero)
            {
                LibAv.av_free(Packets[i]);
                Packets[i] = IntPtr.Zero;
            }
        }
    }
}
