using System.Buffers.Binary;
using System.Text;
using Rollcall.Faces;
using Rollcall.Faces.Video;

namespace Rollcall.Tests.Faces;

/// <summary>The MP4 header reader on files built box by box: what a track says, and sizes that lie.</summary>
public sealed class Mp4ContainerTests
{
    [Fact]
    public void VideoTrack_IsReadFromTheHeader()
    {
        var (track, failure) = Mp4Container.Read(File(Moov(Trak("vide", "avc1", 640, 640, frames: 90))));

        Assert.Null(failure);
        Assert.Equal(new VideoTrack("h264", 640, 640, 3.0, 90), track);
    }

    [Fact]
    public void AudioTrackBeforeTheVideo_IsSkipped()
    {
        var (track, _) = Mp4Container.Read(File(Moov([.. Trak("soun", "mp4a", 0, 0, frames: 100), .. Trak("vide", "hvc1", 720, 1280, frames: 90)])));

        Assert.Equal(("hevc", 720, 1280), (track!.Codec, track.Width, track.Height));
    }

    [Fact]
    public void SixtyFourBitBoxSize_IsRead()
    {
        var moov = Moov(Trak("vide", "avc1", 320, 240, frames: 30));
        var large = new byte[moov.Length + 8];
        BinaryPrimitives.WriteUInt32BigEndian(large, 1);
        Encoding.ASCII.GetBytes("moov").CopyTo(large, 4);
        BinaryPrimitives.WriteUInt64BigEndian(large.AsSpan(8), (ulong)large.Length);
        moov.AsSpan(8).CopyTo(large.AsSpan(16));

        Assert.Equal(320, Mp4Container.Read(File(large)).Track!.Width);
    }

    [Fact]
    public void BoxSizeBeyondTheFile_IsRefused()
    {
        var file = File(Moov(Trak("vide", "avc1", 640, 640, frames: 90)));
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(Ftyp.Length), 0x7FFFFFF0);

        Assert.Equal("a box of the MP4 is cut short or overruns the file", Mp4Container.Read(file).Failure);
    }

    [Fact]
    public void ChildLargerThanItsParent_IsNotFollowed()
    {
        var trak = Trak("vide", "avc1", 640, 640, frames: 90);
        BinaryPrimitives.WriteUInt32BigEndian(trak.AsSpan(8), 0x00FFFFFF);

        Assert.Equal("no video track", Mp4Container.Read(File(Moov(trak))).Failure);
    }

    [Fact]
    public void TrackOverTheLimits_IsRefusedWithTheReason()
    {
        var options = new FaceOptions();

        Assert.Equal("8192x8192 is more than 921600 pixels", VideoLimits.Refusal(new VideoTrack("h264", 8192, 8192, 2, 10), options));
        Assert.Equal("the video is hevc, not H.264", VideoLimits.Refusal(new VideoTrack("hevc", 640, 640, 3, 90), options));
        Assert.Equal("longer than 60 seconds (61 s)", VideoLimits.Refusal(new VideoTrack("h264", 640, 640, 61, 1830), options));
        Assert.Null(VideoLimits.Refusal(new VideoTrack("h264", 720, 1280, 60, 1800), options));
    }

    private static readonly byte[] Ftyp = Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomavc1"u8]);

    private static byte[] File(byte[] moov) => [.. Ftyp, .. moov];

    private static byte[] Moov(byte[] traks) => Box("moov", traks);

    private static byte[] Trak(string handler, string entry, int width, int height, int frames)
    {
        var hdlr = Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(handler), .. new byte[12]]);
        var mdhd = Box("mdhd", [0, 0, 0, 0, .. new byte[8], .. U32(1000), .. U32(3000), 0, 0, 0, 0]);
        byte[] visual = [.. new byte[6], 0, 1, .. new byte[16], (byte)(width >> 8), (byte)width, (byte)(height >> 8), (byte)height, .. new byte[50]];
        var stsd = Box("stsd", [0, 0, 0, 0, .. U32(1), .. Box(entry, visual)]);
        var stsz = Box("stsz", [0, 0, 0, 0, .. U32(0), .. U32((uint)frames)]);
        var stbl = Box("stbl", [.. stsd, .. stsz]);
        return Box("trak", Box("mdia", [.. mdhd, .. hdlr, .. Box("minf", stbl)]));
    }

    private static byte[] Box(string type, byte[] payload) => [.. U32((uint)(payload.Length + 8)), .. Encoding.ASCII.GetBytes(type), .. payload];

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
