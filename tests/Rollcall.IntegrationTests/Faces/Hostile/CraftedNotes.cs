using System.Text;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces.Hostile;

/// <summary>Hostile video notes, made with ffmpeg at test time or by byte surgery on a made one (cached for the run).</summary>
public static class CraftedNotes
{
    private const string H264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -an";

    public static async Task<byte[]> MakeAsync(VideoClips clips, string kind) => kind switch
    {
        "8192x8192" => await Huge(clips),
        "100000-tiny-frames" => await clips.CraftAsync(kind, $"-f lavfi -i color=gray:s=16x16:r=2000 -frames:v 100000 {H264}"),
        "61-seconds" => await clips.CraftAsync(kind, $"-f lavfi -i testsrc=s=64x64:r=2:d=61 {H264}"),
        "hevc" => await clips.CraftAsync(kind, "-f lavfi -i testsrc=s=64x64:r=30:d=2 -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1"),
        "av1" => await clips.CraftAsync(kind, "-f lavfi -i testsrc=s=64x64:r=30:d=2 -c:v libsvtav1 -preset 12 -svtav1-params loglevel=0"),
        "mjpeg" => await clips.CraftAsync(kind, "-f lavfi -i testsrc=s=64x64:r=30:d=2 -c:v mjpeg"),
        "audio-only" => await clips.CraftAsync(kind, "-f lavfi -i sine=d=2 -c:a aac"),
        "zero-length-track" => ZeroSamples(await Small(clips)),
        "missing-moov" => (await Small(clips))[..(FindBox(await Small(clips), "moov") - 4)],
        "8192x8192-claiming-640x640" => ClaimSize(await Huge(clips), 640, 640),
        "hevc-labelled-h264" => Rename(await clips.CraftAsync("hevc", "-f lavfi -i testsrc=s=64x64:r=30:d=2 -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1"), "hvc1", "avc1"),
        "truncated-after-moov" => await TruncatedFastStart(clips),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A few hundred KB of 8192x8192 frames: decoded in full, 850 MB resident before the limits.</summary>
    private static Task<byte[]> Huge(VideoClips clips) =>
        clips.CraftAsync("8192x8192", $"-f lavfi -i color=gray:s=8192x8192:r=5:d=2 {H264}");

    private static Task<byte[]> Small(VideoClips clips) =>
        clips.CraftAsync("small", $"-f lavfi -i testsrc=s=64x64:r=30:d=2 {H264}");

    private static async Task<byte[]> TruncatedFastStart(VideoClips clips)
    {
        var whole = await clips.CraftAsync("faststart", $"-f lavfi -i testsrc=s=320x320:r=30:d=3 {H264} -movflags +faststart");
        return whole[..(whole.Length * 2 / 5)];
    }

    // The sample size table says the track holds no samples.
    private static byte[] ZeroSamples(byte[] note)
    {
        var bytes = (byte[])note.Clone();
        var stsz = FindBox(bytes, "stsz");
        Array.Clear(bytes, stsz + 12, 4);
        return bytes;
    }

    // The sample entry (stsd) and the track header (tkhd) claim a small picture; the H.264 stream inside keeps its real size.
    private static byte[] ClaimSize(byte[] note, int width, int height)
    {
        var bytes = (byte[])note.Clone();
        var stsd = FindBox(bytes, "stsd");
        WriteU16(bytes, stsd + 44, width);
        WriteU16(bytes, stsd + 46, height);
        var tkhd = FindBox(bytes, "tkhd");
        var end = tkhd - 4 + ReadU32(bytes, tkhd - 4);
        WriteU16(bytes, end - 8, width);
        WriteU16(bytes, end - 4, height);
        return bytes;
    }

    private static byte[] Rename(byte[] note, string from, string to)
    {
        var bytes = (byte[])note.Clone();
        Encoding.ASCII.GetBytes(to).CopyTo(bytes, FindBox(bytes, from));
        return bytes;
    }

    // The offset of a box's four-character type (its size is the 4 bytes before it).
    private static int FindBox(byte[] bytes, string type)
    {
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(type));
        return at >= 4 ? at : throw new InvalidOperationException($"no {type} box");
    }

    private static int ReadU32(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    private static void WriteU16(byte[] bytes, int at, int value)
    {
        bytes[at] = (byte)(value >> 8);
        bytes[at + 1] = (byte)value;
    }
}
