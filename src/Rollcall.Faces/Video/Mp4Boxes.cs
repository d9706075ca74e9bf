using System.Buffers.Binary;

namespace Rollcall.Faces.Video;

/// <summary>One ISO base media box: its four-character type and where its payload lies in the file.</summary>
internal readonly record struct Mp4Box(uint Type, int Start, int Length)
{
    public static uint Code(string fourcc) =>
        ((uint)fourcc[0] << 24) | ((uint)fourcc[1] << 16) | ((uint)fourcc[2] << 8) | fourcc[3];

    public static string Name(uint type) =>
        string.Create(4, type, static (chars, t) =>
        {
            for (var i = 0; i < 4; i++)
            {
                var c = (char)((t >> (24 - (8 * i))) & 0xFF);
                chars[i] = c is >= ' ' and <= '~' ? c : '?';
            }
        });
}

/// <summary>Walks the boxes of an MP4 held in memory; every size is checked against its parent, so a lying size cannot reach outside.</summary>
internal static class Mp4Boxes
{
    /// <summary>The children of the region [start, start + length): false when a box's size does not fit it.</summary>
    public static bool TryList(ReadOnlySpan<byte> file, int start, int length, List<Mp4Box> boxes)
    {
        boxes.Clear();
        var end = (long)start + length;
        for (long at = start; at < end;)
        {
            if (end - at < 8)
            {
                // Trailing padding shorter than a box header.
                return end - at == 0 || file.Slice((int)at, (int)(end - at)).IndexOfAnyExcept((byte)0) < 0;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(file[(int)at..]);
            var type = BinaryPrimitives.ReadUInt32BigEndian(file[((int)at + 4)..]);
            var header = 8;
            if (size == 1)
            {
                if (end - at < 16)
                {
                    return false;
                }

                var large = BinaryPrimitives.ReadUInt64BigEndian(file[((int)at + 8)..]);
                size = large > long.MaxValue ? -1 : (long)large;
                header = 16;
            }
            else if (size == 0)
            {
                size = end - at;
            }

            if (size < header || size > end - at)
            {
                return false;
            }

            boxes.Add(new Mp4Box(type, (int)at + header, (int)(size - header)));
            at += size;
        }

        return true;
    }

    /// <summary>The first child of the given type, or null.</summary>
    public static Mp4Box? Child(ReadOnlySpan<byte> file, Mp4Box parent, string type, List<Mp4Box> scratch, int skip = 0)
    {
        if (parent.Length < skip || !TryList(file, parent.Start + skip, parent.Length - skip, scratch))
        {
            return null;
        }

        var code = Mp4Box.Code(type);
        foreach (var box in scratch)
        {
            if (box.Type == code)
            {
                return box;
            }
        }

        return null;
    }

    public static uint U32(ReadOnlySpan<byte> file, Mp4Box box, int offset) =>
        offset + 4 <= box.Length ? BinaryPrimitives.ReadUInt32BigEndian(file[(box.Start + offset)..]) : 0;

    public static ulong U64(ReadOnlySpan<byte> file, Mp4Box box, int offset) =>
        offset + 8 <= box.Length ? BinaryPrimitives.ReadUInt64BigEndian(file[(box.Start + offset)..]) : 0;

    public static ushort U16(ReadOnlySpan<byte> file, Mp4Box box, int offset) =>
        offset + 2 <= box.Length ? BinaryPrimitives.ReadUInt16BigEndian(file[(box.Start + offset)..]) : (ushort)0;
}
