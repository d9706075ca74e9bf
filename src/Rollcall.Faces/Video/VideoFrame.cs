using OpenCvSharp;

namespace Rollcall.Faces.Video;

/// <summary>One decoded frame of a note (BGR) and its index in presentation order; the consumer disposes it.</summary>
public sealed record VideoFrame(int Index, Mat Image) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
