namespace Rollcall.Faces.Video;

/// <summary>What an MP4's first video track says about itself, read from the container before any frame is decoded.</summary>
/// <param name="Codec">"h264", "hevc", "av1", "mjpeg", "mpeg4", … or the sample entry's four characters.</param>
/// <param name="Frames">Samples in the track (its sample size table).</param>
public sealed record VideoTrack(string Codec, int Width, int Height, double Seconds, int Frames)
{
    public long Pixels => (long)Width * Height;

    public double Fps => Seconds > 0 ? Frames / Seconds : 0;
}
