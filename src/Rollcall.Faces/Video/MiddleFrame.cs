using OpenCvSharp;

namespace Rollcall.Faces.Video;

/// <summary>One frame from the middle of a note (for Rekognition and the teacher's review picture), decoded in the sandbox.</summary>
public static class MiddleFrame
{
    /// <summary>The BGR frame (the caller disposes it), or why the note is a bad video. Infrastructure failures throw FaceEngineFaultException.</summary>
    public static (Mat? Frame, string? Failure) Decode(ReadOnlySpan<byte> video, FaceOptions options, CancellationToken cancellationToken)
    {
        var (track, failure) = VideoLimits.Check(video, options);
        if (track is null)
        {
            return (null, failure);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.VideoTimeout);
        try
        {
            using var decoder = FrameDecoder.Start(options, video, FramePlan.Middle(track, options), timeout.Token);
            Mat? frame = null;
            foreach (var decoded in decoder.Frames(timeout.Token))
            {
                frame?.Dispose();
                frame = decoded.Image;
            }

            return frame is not null ? (frame, null) : (null, decoder.Failure ?? "no frame could be decoded");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FaceEngineFaultException(FaceEngineFault.Timeout, $"decoding took longer than {options.VideoTimeoutSeconds} s", ex);
        }
    }
}
