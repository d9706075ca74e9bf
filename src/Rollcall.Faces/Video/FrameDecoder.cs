using Rollcall.Faces.Decoder;

namespace Rollcall.Faces.Video;

/// <summary>
/// Decodes chosen frames of a video note in a decoder child rented from the pool (<see cref="DecoderPool"/>), so a crash, a
/// memory blow-up or a hang inside libavcodec never reaches this process. The MP4 is demuxed here, in managed code; the child
/// gets only the H.264 access units up to the last wanted frame and hands frames back through shared memory.
/// </summary>
internal sealed class FrameDecoder : IDisposable
{
    private readonly DecoderPool? pool;
    private readonly DecoderProcess? child;
    private bool finished;

    private FrameDecoder(DecoderPool? pool, DecoderProcess? child, string? failure)
    {
        this.pool = pool;
        this.child = child;
        Failure = failure;
        finished = child is null;
    }

    /// <summary>After the frames: why the note could not be read (a bad video), or null when it was.</summary>
    public string? Failure { get; private set; }

    /// <summary>The process id of the child decoding this note (tests kill it mid-note); 0 when none was needed.</summary>
    internal int ChildId => child?.Id ?? 0;

    /// <summary>The decoder's own words on the last failure, for the log.</summary>
    public string? DecoderMessage { get; private set; }

    /// <summary>Whether decoders can start here: prlimit on PATH and the decoder program next to this assembly (or the one named).</summary>
    public static bool IsAvailable(FaceOptions options)
    {
        var command = DecoderSettings.Of(options).Command;
        return ExecutableFiles.Resolves("prlimit") && (command[0] == "dotnet" ? File.Exists(command[1]) : ExecutableFiles.Resolves(command[0]));
    }

    /// <summary>Sends the note to a decoder for the given frames (presentation order, ascending); the token ends the wait for one.</summary>
    public static FrameDecoder Start(FaceOptions options, ReadOnlySpan<byte> note, IReadOnlyList<int> frames, CancellationToken cancellationToken)
    {
        var samples = Mp4SampleTable.Read(note, frames[^1] + 1 + DecoderRequest.ReorderFrames);
        if (samples is null || samples.Sizes.Length == 0)
        {
            return new FrameDecoder(null, null, "the MP4's sample table or H.264 configuration cannot be read");
        }

        var pool = DecoderPool.For(options);
        var child = pool.Rent(options.VideoTimeoutSeconds + 1, cancellationToken);
        var decoder = new FrameDecoder(pool, child, null);
        try
        {
            using (cancellationToken.Register(child.Kill))
            {
                child.LimitCpu(options.VideoTimeoutSeconds + 1);
                DecoderRequest.Write(child.Requests, note, samples, frames, options.MaxVideoPixels);
            }

            return decoder;
        }
        catch (IOException ex)
        {
            decoder.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, "the decoder died before taking the note", ex);
        }
    }

    /// <summary>The frames as the decoder delivers them; the token (caller's stop or the time-out) kills the child.</summary>
    public IEnumerable<VideoFrame> Frames(CancellationToken cancellationToken)
    {
        if (child is null)
        {
            yield break;
        }

        using var registration = cancellationToken.Register(child.Kill);
        while (Next(child, cancellationToken) is { } frame)
        {
            yield return frame;
        }
    }

    public void Dispose()
    {
        if (child is null)
        {
            return;
        }

        if (!finished)
        {
            // Left mid-note: the child's state is unknown, so it is not used again.
            child.Kill();
        }

        finished = true;
        pool!.Return(child);
    }

    private VideoFrame? Next(DecoderProcess child, CancellationToken cancellationToken)
    {
        try
        {
            var replies = child.Replies;
            var kind = replies.ReadByte();
            if (kind == DecoderProtocol.Frame)
            {
                var (index, width, height, slot) = (replies.ReadInt32(), replies.ReadInt32(), replies.ReadInt32(), replies.ReadInt32());
                var image = child.CopySlot(slot, width, height);
                child.Requests.Write((byte)slot);
                child.Requests.Flush();
                return new VideoFrame(index, image);
            }

            if (kind != DecoderProtocol.End)
            {
                throw new InvalidDataException($"the decoder sent {kind} instead of a frame");
            }

            var status = (DecoderProtocol.Status)replies.ReadInt32();
            replies.ReadInt32();
            var message = replies.ReadString();
            finished = true;
            DecoderMessage = message.Length > 0 ? message : null;
            if (status == DecoderProtocol.Status.OutOfMemory)
            {
                child.Kill();
                throw new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, message);
            }

            Failure = status == DecoderProtocol.Status.Refused ? message : null;
            return null;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or InvalidDataException)
        {
            child.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            throw ex is InvalidDataException ? new FaceEngineFaultException(FaceEngineFault.DecoderCrashed, ex.Message, ex) : child.Failure();
        }
    }
}
