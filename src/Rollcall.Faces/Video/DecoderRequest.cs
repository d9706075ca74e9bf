using System.Buffers;
using Rollcall.Faces.Decoder;

namespace Rollcall.Faces.Video;

/// <summary>Writes one note's request to a decoder child: the wanted frames, then each access unit converted to Annex B.</summary>
internal static class DecoderRequest
{
    /// <summary>Access units past the last wanted frame that may still be needed: H.264 reorders by at most 16 frames.</summary>
    public const int ReorderFrames = 16;

    private static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    public static void Write(BinaryWriter writer, ReadOnlySpan<byte> file, H264Samples samples, IReadOnlyList<int> wanted, long maxPixels)
    {
        writer.Write(DecoderProtocol.RequestMagic);
        writer.Write(maxPixels);
        writer.Write(wanted.Count);
        foreach (var frame in wanted)
        {
            writer.Write(frame);
        }

        var count = Math.Min(samples.Sizes.Length, DecoderProtocol.MaxPackets);
        writer.Write(count);
        for (var i = 0; i < count; i++)
        {
            var sample = file.Slice((int)samples.Offsets[i], samples.Sizes[i]);
            var prefix = i == 0 ? samples.ParameterSets : [];

            // A length prefix of 1 byte becomes a 4-byte start code: at most 4x the bytes.
            var buffer = ArrayPool<byte>.Shared.Rent((4 * (prefix.Length + sample.Length)) + 4);
            try
            {
                var n = ToAnnexB(prefix, samples.NalLengthSize, buffer, 0);
                n = ToAnnexB(sample, samples.NalLengthSize, buffer, n);

                // An access unit with nothing readable still goes, as one zero byte, so frames are counted as the file has them.
                buffer[n] = 0;
                writer.Write(Math.Max(1, n));
                writer.Write(buffer, 0, Math.Max(1, n));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        writer.Flush();
    }

    // Length-prefixed NAL units to start-code-prefixed ones; a length that overruns the sample ends it there.
    private static int ToAnnexB(ReadOnlySpan<byte> units, int lengthSize, byte[] output, int at)
    {
        for (var i = 0; i + lengthSize <= units.Length;)
        {
            var length = 0;
            for (var b = 0; b < lengthSize; b++)
            {
                length = (length << 8) | units[i + b];
            }

            i += lengthSize;
            if (length <= 0 || length > units.Length - i)
            {
                break;
            }

            StartCode.CopyTo(output.AsSpan(at));
            units.Slice(i, length).CopyTo(output.AsSpan(at + 4));
            at += 4 + length;
            i += length;
        }

        return at;
    }
}
