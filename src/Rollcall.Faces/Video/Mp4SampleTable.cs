namespace Rollcall.Faces.Video;

/// <summary>Where the first video track's samples lie in the file (decode order), and its H.264 parameter sets from avcC.</summary>
/// <param name="NalLengthSize">Bytes of each NAL unit's length prefix inside a sample (1, 2 or 4).</param>
/// <param name="ParameterSets">The SPS and PPS, each with a length prefix of <paramref name="NalLengthSize"/> bytes, as in a sample.</param>
internal sealed record H264Samples(int NalLengthSize, byte[] ParameterSets, long[] Offsets, int[] Sizes);

/// <summary>Reads the sample table (stsz, stsc, stco/co64) and avcC in managed code, so the decoder child gets only access units.</summary>
internal static class Mp4SampleTable
{
    /// <summary>The first <paramref name="count"/> samples (fewer when the file holds fewer, or is cut short), or null when unreadable.</summary>
    public static H264Samples? Read(ReadOnlySpan<byte> file, int count)
    {
        var scratch = new List<Mp4Box>();
        var moov = Mp4Container.MoovChildren(file);
        var track = moov is null ? null : Mp4Container.FirstVideoTrack(file, moov, scratch);
        var minf = track is null ? null : Mp4Boxes.Child(file, track.Value.Mdia, "minf", scratch);
        var stbl = minf is null ? null : Mp4Boxes.Child(file, minf.Value, "stbl", scratch);
        if (stbl is null)
        {
            return null;
        }

        var stsd = Mp4Boxes.Child(file, stbl.Value, "stsd", scratch);
        var entry = stsd is null ? null : Mp4Boxes.Child(file, stsd.Value, Mp4Container.FirstEntryType(file, stsd.Value), scratch, skip: 8);

        // A visual sample entry's own fields take 78 bytes; avcC follows among its child boxes.
        var avcC = entry is null ? null : Mp4Boxes.Child(file, entry.Value, "avcC", scratch, skip: 78);
        var stsz = Mp4Boxes.Child(file, stbl.Value, "stsz", scratch);
        var stsc = Mp4Boxes.Child(file, stbl.Value, "stsc", scratch);
        var stco = Mp4Boxes.Child(file, stbl.Value, "stco", scratch);
        var co64 = stco is null ? Mp4Boxes.Child(file, stbl.Value, "co64", scratch) : null;
        if (avcC is null || stsz is null || stsc is null || (stco ?? co64) is not { } chunks || ParameterSets(file, avcC.Value) is not { } sets)
        {
            return null;
        }

        var sizes = Sizes(file, stsz.Value, count);
        var offsets = Offsets(file, stsc.Value, chunks, co64 is not null, sizes);
        var n = 0;
        while (n < offsets.Length && offsets[n] >= 0 && offsets[n] + sizes[n] <= file.Length)
        {
            n++;
        }

        return new H264Samples(sets.LengthSize, sets.Bytes, offsets[..n], sizes[..n]);
    }

    private static int[] Sizes(ReadOnlySpan<byte> file, Mp4Box stsz, int count)
    {
        var fixedSize = Mp4Boxes.U32(file, stsz, 4);
        var n = (int)Math.Min(count, Mp4Boxes.U32(file, stsz, 8));
        n = fixedSize != 0 ? n : Math.Min(n, Math.Max(0, (stsz.Length - 12) / 4));
        var sizes = new int[Math.Max(0, n)];
        for (var i = 0; i < sizes.Length; i++)
        {
            var size = fixedSize != 0 ? fixedSize : Mp4Boxes.U32(file, stsz, 12 + (4 * i));
            sizes[i] = size is 0 or > int.MaxValue ? -1 : (int)size;
        }

        return sizes;
    }

    // stsc runs say how many samples each chunk holds from a first chunk on; samples follow each other inside a chunk. -1: unknown.
    private static long[] Offsets(ReadOnlySpan<byte> file, Mp4Box stsc, Mp4Box chunks, bool wide, int[] sizes)
    {
        var offsets = new long[sizes.Length];
        Array.Fill(offsets, -1);
        var runs = (int)Math.Min(Mp4Boxes.U32(file, stsc, 4), (uint)Math.Max(0, (stsc.Length - 8) / 12));
        var chunkCount = (int)Math.Min(Mp4Boxes.U32(file, chunks, 4), (uint)Math.Max(0, (chunks.Length - 8) / (wide ? 8 : 4)));
        var sample = 0;
        for (var run = 0; run < runs && sample < sizes.Length; run++)
        {
            var first = (long)Mp4Boxes.U32(file, stsc, 8 + (12 * run));
            var perChunk = Mp4Boxes.U32(file, stsc, 12 + (12 * run));
            var next = run + 1 < runs ? Mp4Boxes.U32(file, stsc, 8 + (12 * (run + 1))) : (long)chunkCount + 1;
            if (first < 1 || next <= first || perChunk == 0)
            {
                break;
            }

            for (var chunk = first; chunk < next && chunk <= chunkCount && sample < sizes.Length; chunk++)
            {
                var at = wide ? (long)Mp4Boxes.U64(file, chunks, 8 + (8 * ((int)chunk - 1))) : Mp4Boxes.U32(file, chunks, 4 + (4 * (int)chunk));
                for (var k = 0u; k < perChunk && sample < sizes.Length && sizes[sample] > 0; k++, sample++)
                {
                    offsets[sample] = at;
                    at += sizes[sample];
                }
            }
        }

        return offsets;
    }

    // avcC: version, profile, compatibility, level, 6 bits + (length size - 1), 3 bits + SPS count, SPSs, PPS count, PPSs.
    private static (int LengthSize, byte[] Bytes)? ParameterSets(ReadOnlySpan<byte> file, Mp4Box avcC)
    {
        var d = file.Slice(avcC.Start, avcC.Length);
        if (d.Length < 7 || d[0] != 1)
        {
            return null;
        }

        var lengthSize = (d[4] & 3) + 1;
        var sets = new List<byte>();
        var at = 5;
        for (var group = 0; group < 2; group++)
        {
            var n = group == 0 ? d[at] & 0x1F : d[at];
            at++;
            for (var i = 0; i < n; i++)
            {
                if (at + 2 > d.Length || at + 2 + ((d[at] << 8) | d[at + 1]) > d.Length)
                {
                    return null;
                }

                var length = (d[at] << 8) | d[at + 1];
                for (var b = lengthSize - 1; b >= 0; b--)
                {
                    sets.Add((byte)(length >> (8 * b)));
                }

                sets.AddRange(d.Slice(at + 2, length));
                at += 2 + length;
            }

            if (group == 0 && at >= d.Length)
            {
                return null;
            }
        }

        return (lengthSize, [.. sets]);
    }
}
