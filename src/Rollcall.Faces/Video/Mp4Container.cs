namespace Rollcall.Faces.Video;

/// <summary>Reads the first video track's header from an MP4 (ISO base media) file in memory.</summary>
public static class Mp4Container
{
    private const int MaxTracks = 16;

    /// <summary>The first video track, or why the file has none this engine can read.</summary>
    public static (VideoTrack? Track, string? Failure) Read(ReadOnlySpan<byte> file)
    {
        var boxes = new List<Mp4Box>();
        if (!Mp4Boxes.TryList(file, 0, file.Length, boxes))
        {
            return (null, "a box of the MP4 is cut short or overruns the file");
        }

        var moov = Find(boxes, "moov");
        if (moov is null)
        {
            return (null, "no moov box (truncated or not finished recording)");
        }

        var scratch = new List<Mp4Box>();
        if (!Mp4Boxes.TryList(file, moov.Value.Start, moov.Value.Length, boxes))
        {
            return (null, "the moov box is malformed");
        }

        return FirstVideoTrack(file, boxes, scratch) is { } found
            ? VideoTrackOf(file, found.Trak, found.Mdia, scratch)
            : (null, "no video track");
    }

    /// <summary>The first video track's trak and mdia boxes, among the moov's children (null when there is none).</summary>
    internal static (Mp4Box Trak, Mp4Box Mdia)? FirstVideoTrack(ReadOnlySpan<byte> file, List<Mp4Box> moovChildren, List<Mp4Box> scratch)
    {
        var tracks = 0;
        foreach (var trak in moovChildren)
        {
            if (trak.Type != Mp4Box.Code("trak") || ++tracks > MaxTracks)
            {
                continue;
            }

            var mdia = Mp4Boxes.Child(file, trak, "mdia", scratch);
            var hdlr = mdia is null ? null : Mp4Boxes.Child(file, mdia.Value, "hdlr", scratch);
            if (hdlr is not null && Mp4Boxes.U32(file, hdlr.Value, 8) == Mp4Box.Code("vide"))
            {
                return (trak, mdia!.Value);
            }
        }

        return null;
    }

    /// <summary>The moov box's children, or null when the file has no readable moov.</summary>
    internal static List<Mp4Box>? MoovChildren(ReadOnlySpan<byte> file)
    {
        var boxes = new List<Mp4Box>();
        if (!Mp4Boxes.TryList(file, 0, file.Length, boxes) || Find(boxes, "moov") is not { } moov)
        {
            return null;
        }

        return Mp4Boxes.TryList(file, moov.Start, moov.Length, boxes) ? boxes : null;
    }

    private static (VideoTrack?, string?) VideoTrackOf(ReadOnlySpan<byte> file, Mp4Box trak, Mp4Box mdia, List<Mp4Box> scratch)
    {
        var mdhd = Mp4Boxes.Child(file, mdia, "mdhd", scratch);
        var minf = Mp4Boxes.Child(file, mdia, "minf", scratch);
        var stbl = minf is null ? null : Mp4Boxes.Child(file, minf.Value, "stbl", scratch);
        if (mdhd is null || stbl is null)
        {
            return (null, "the video track has no media header or sample table");
        }

        var (timescale, duration) = MediaTime(file, mdhd.Value);
        var stsd = Mp4Boxes.Child(file, stbl.Value, "stsd", scratch);
        var stsz = Mp4Boxes.Child(file, stbl.Value, "stsz", scratch);
        var stts = Mp4Boxes.Child(file, stbl.Value, "stts", scratch);

        // stsd: version/flags, entry count, then the first sample entry (a box): 6 reserved, data reference, 16 pre-defined, width, height.
        var entry = stsd is null ? null : Mp4Boxes.Child(file, stsd.Value, FirstEntryType(file, stsd.Value), scratch, skip: 8);
        if (entry is null)
        {
            return (null, "the video track has no sample description");
        }

        var width = (int)Mp4Boxes.U16(file, entry.Value, 24);
        var height = (int)Mp4Boxes.U16(file, entry.Value, 26);
        var tkhd = Mp4Boxes.Child(file, trak, "tkhd", scratch);
        if ((width == 0 || height == 0) && tkhd is not null)
        {
            // tkhd ends with the display width and height in 16.16 fixed point.
            width = (int)(Mp4Boxes.U32(file, tkhd.Value, tkhd.Value.Length - 8) >> 16);
            height = (int)(Mp4Boxes.U32(file, tkhd.Value, tkhd.Value.Length - 4) >> 16);
        }

        var frames = stsz is null ? 0 : (int)Math.Min(int.MaxValue, Mp4Boxes.U32(file, stsz.Value, 8));
        if (duration == 0 && stts is not null)
        {
            duration = SampleDurations(file, stts.Value);
        }

        var seconds = timescale > 0 ? duration / (double)timescale : 0;
        var codec = CodecName(entry.Value.Type);
        if (codec == "mpeg4")
        {
            codec = Mpeg4SystemsCodec(file, entry.Value, scratch);
        }

        return (new VideoTrack(codec, width, height, seconds, frames), null);
    }

    private static (uint Timescale, ulong Duration) MediaTime(ReadOnlySpan<byte> file, Mp4Box mdhd) =>
        file[mdhd.Start] == 1 && mdhd.Length >= 32
            ? (Mp4Boxes.U32(file, mdhd, 20), Mp4Boxes.U64(file, mdhd, 24))
            : (Mp4Boxes.U32(file, mdhd, 12), Mp4Boxes.U32(file, mdhd, 16));

    private static ulong SampleDurations(ReadOnlySpan<byte> file, Mp4Box stts)
    {
        var entries = Math.Min(Mp4Boxes.U32(file, stts, 4), (uint)Math.Max(0, (stts.Length - 8) / 8));
        ulong total = 0;
        for (var i = 0; i < entries; i++)
        {
            total += (ulong)Mp4Boxes.U32(file, stts, 8 + (8 * i)) * Mp4Boxes.U32(file, stts, 12 + (8 * i));
        }

        return total;
    }

    // An "mp4v" entry names its codec in the esds box: MPEG-4 systems object type 0x6C is JPEG (ffmpeg's MJPEG in MP4), 0x60-0x6A MPEG-1/2.
    private static string Mpeg4SystemsCodec(ReadOnlySpan<byte> file, Mp4Box entry, List<Mp4Box> scratch)
    {
        // A visual sample entry's own fields take 78 bytes; its child boxes follow.
        var esds = Mp4Boxes.Child(file, entry, "esds", scratch, skip: 78);
        if (esds is null || esds.Value.Length < 8)
        {
            return "mpeg4";
        }

        var d = file.Slice(esds.Value.Start + 4, esds.Value.Length - 4);
        var at = d[0] == 0x03 ? SkipLength(d, 1) : -1;
        if (at < 0 || at + 3 > d.Length)
        {
            return "mpeg4";
        }

        var flags = d[at + 2];
        at += 3 + ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 2 : 0);
        if ((flags & 0x40) != 0 && at < d.Length)
        {
            at += 1 + d[at];
        }

        at = at < d.Length && d[at] == 0x04 ? SkipLength(d, at + 1) : -1;
        return at < 0 || at >= d.Length ? "mpeg4" : d[at] switch
        {
            0x6C => "mjpeg",
            >= 0x60 and <= 0x6A => "mpeg2",
            _ => "mpeg4",
        };
    }

    // Descriptor lengths take 1-4 bytes, 7 bits each, high bit = more.
    private static int SkipLength(ReadOnlySpan<byte> d, int at)
    {
        for (var i = 0; i < 4 && at < d.Length; i++)
        {
            if ((d[at++] & 0x80) == 0)
            {
                return at;
            }
        }

        return -1;
    }

    internal static string FirstEntryType(ReadOnlySpan<byte> file, Mp4Box stsd) =>
        stsd.Length >= 16 ? Mp4Box.Name(Mp4Boxes.U32(file, stsd, 12)) : "????";

    private static string CodecName(uint type) => Mp4Box.Name(type) switch
    {
        "avc1" or "avc3" => "h264",
        "hvc1" or "hev1" => "hevc",
        "av01" => "av1",
        "vp08" => "vp8",
        "vp09" => "vp9",
        "mp4v" => "mpeg4",
        "jpeg" or "mjpa" or "mjpb" or "mjp2" => "mjpeg",
        var other => other,
    };

    private static Mp4Box? Find(List<Mp4Box> boxes, string type)
    {
        var code = Mp4Box.Code(type);
        foreach (var box in boxes)
        {
            if (box.Type == code)
            {
                return box;
            }
        }

        return null;
    }
}
