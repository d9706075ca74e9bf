using System.IO.MemoryMappedFiles;

namespace Rollcall.Faces.Decoder;

/// <summary>
/// Decodes one note's access units with FFmpeg's H.264 decoder (one thread, max_pixels set) and writes the wanted frames as BGR
/// into the shared slots, waiting for the host to free a slot when all are in use. Frames are counted in output (presentation) order.
/// </summary>
internal sealed unsafe class NoteDecoder : IDisposable
{
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* slots;
    private readonly long slotBytes;
    private readonly Stream acks;
    private readonly BinaryWriter replies;
    private readonly IntPtr codec;
    private IntPtr packet;
    private IntPtr frame;
    private IntPtr scaler;
    private (int Width, int Height, int Format) geometry;
    private (int Colorspace, int Full)? colours;

    public NoteDecoder(MemoryMappedViewAccessor view, long slotBytes, Stream acks, BinaryWriter replies)
    {
        this.view = view;
        this.slotBytes = slotBytes;
        this.acks = acks;
        this.replies = replies;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        slots = start + view.PointerOffset;
        codec = LibAv.avcodec_find_decoder(LibAv.CodecIdH264);
        packet = LibAv.av_packet_alloc();
        frame = LibAv.av_frame_alloc();
    }

    public void Decode(NoteRequest request)
    {
        var note = new Progress(request);
        var context = Open(request.MaxPixels, ref note);
        try
        {
            for (var i = 0; i < request.Packets.Length && context != IntPtr.Zero && !note.Finished; i++)
            {
                var sent = LibAv.av_packet_from_data(packet, request.Packets[i], request.Sizes[i]);
                if (sent == 0)
                {
                    request.Packets[i] = IntPtr.Zero;
                    sent = LibAv.avcodec_send_packet(context, packet);
                    LibAv.av_packet_unref(packet);
                }

                note.Failed(sent);
                Receive(context, ref note);
            }

            if (context != IntPtr.Zero && !note.Finished)
            {
                // Flush: the frames the decoder still holds for reordering.
                if (!note.Failed(LibAv.avcodec_send_packet(context, IntPtr.Zero)))
                {
                    Receive(context, ref note);
                }
            }
        }
        finally
        {
            LibAv.avcodec_free_context(ref context);
        }

        Reply(note);
    }

    public void Dispose()
    {
        LibAv.sws_freeContext(scaler);
        LibAv.av_frame_free(ref frame);
        LibAv.av_packet_free(ref packet);
        view.SafeMemoryMappedViewHandle.ReleasePointer();
    }

    private IntPtr Open(long maxPixels, ref Progress note)
    {
        var context = LibAv.avcodec_alloc_context3(codec);
        var options = IntPtr.Zero;
        LibAv.av_dict_set(ref options, "threads", "1", 0);
        LibAv.av_dict_set(ref options, "max_pixels", maxPixels.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        var opened = context == IntPtr.Zero ? LibAv.ErrorNoMemory : LibAv.avcodec_open2(context, codec, ref options);
        LibAv.av_dict_free(ref options);
        if (opened < 0)
        {
            note.Stop(opened == LibAv.ErrorNoMemory ? DecoderProtocol.Status.OutOfMemory : DecoderProtocol.Status.Refused, "the H.264 decoder did not open: " + LibAv.Describe(opened));
            LibAv.avcodec_free_context(ref context);
        }

        return context;
    }

    private void Receive(IntPtr context, ref Progress note)
    {
        while (!note.Finished)
        {
            var received = LibAv.avcodec_receive_frame(context, frame);
            if (received is LibAv.ErrorAgain or LibAv.ErrorEof)
            {
                return;
            }

            if (note.Failed(received))
            {
                return;
            }

            if (note.IsWanted())
            {
                Deliver(context, ref note);
            }

            note.Index++;
            LibAv.av_frame_unref(frame);
        }
    }

    private void Deliver(IntPtr context, ref Progress note)
    {
        int width = LibAv.FrameWidth(frame), height = LibAv.FrameHeight(frame);
        if ((long)width * height > note.Request.MaxPixels || width <= 0 || height <= 0)
        {
            note.Stop(DecoderProtocol.Status.Refused, $"a decoded frame is {width}x{height}, more than {note.Request.MaxPixels} pixels");
            return;
        }

        NewScalerFor(width, height, LibAv.FrameFormat(frame));
        if (scaler == IntPtr.Zero)
        {
            note.Stop(DecoderProtocol.Status.Refused, "a frame's pixel format cannot be converted");
            return;
        }

        UseStreamColours(context);

        if (note.Outstanding == DecoderProtocol.Slots)
        {
            WaitForSlot(ref note);
        }

        var slot = note.Sent % DecoderProtocol.Slots;
        var target = slots + (slot * slotBytes);
        var stride = width * 3;
        if (LibAv.sws_scale(scaler, LibAv.FrameData(frame), LibAv.FrameLinesize(frame), 0, height, &target, &stride) != height)
        {
            note.Stop(DecoderProtocol.Status.Refused, "a frame could not be converted");
            return;
        }

        replies.Write(DecoderProtocol.Frame);
        replies.Write(note.Index);
        replies.Write(width);
        replies.Write(height);
        replies.Write(slot);
        replies.Flush();
        note.Sent++;
        note.Outstanding++;
        note.Next++;
    }

    // One scaler per picture geometry, kept across frames and notes. A new one starts from swscale's own colour details, so
    // the ones set on the old one are forgotten with it (not keyed by its address: a freed context's address comes back).
    private void NewScalerFor(int width, int height, int format)
    {
        if (scaler != IntPtr.Zero && (width, height, format) == geometry)
        {
            return;
        }

        LibAv.sws_freeContext(scaler);
        scaler = LibAv.sws_getContext(width, height, format, width, height, LibAv.PixelFormatBgr24, LibAv.ScaleBicubic, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        geometry = (width, height, format);
        colours = null;
    }

    // As ffmpeg's scale filter does ("auto" matrix): the stream's own YCbCr matrix (BT.709 on most phones) and range, else BT.601.
    // Set on every new scaler too, as the filter does: swscale's defaults convert differently from the same matrix set explicitly.
    private void UseStreamColours(IntPtr context)
    {
        var colorspace = LibAv.av_opt_get_int(context, "colorspace", 0, out var cs) == 0 ? (int)cs : 2;
        var full = LibAv.av_opt_get_int(context, "color_range", 0, out var range) == 0 && range == 2 ? 1 : 0;
        colorspace = colorspace is < 1 or > 10 or 8 ? 5 : colorspace;
        if ((colorspace, full) == colours)
        {
            return;
        }

        LibAv.sws_getColorspaceDetails(scaler, out _, out _, out _, out var dstRange, out var brightness, out var contrast, out var saturation);
        var table = LibAv.sws_getCoefficients(colorspace);
        if (LibAv.sws_setColorspaceDetails(scaler, table, full, table, dstRange, brightness, contrast, saturation) >= 0)
        {
            colours = (colorspace, full);
        }
    }

    // The host frees slots in order, one byte each; a closed stdin means the host is gone.
    private void WaitForSlot(ref Progress note)
    {
        if (acks.ReadByte() < 0)
        {
            Environment.Exit(0);
        }

        note.Outstanding--;
    }

    private void Reply(Progress note)
    {
        replies.Write(DecoderProtocol.End);
        replies.Write((int)note.Status);
        replies.Write(note.Sent);
        replies.Write(note.Message ?? (note.Sent == 0 && note.FirstError != 0 ? LibAv.Describe(note.FirstError) : ""));
        replies.Flush();
        while (note.Outstanding > 0)
        {
            WaitForSlot(ref note);
        }
    }

    private struct Progress(NoteRequest request)
    {
        public NoteRequest Request = request;
        public int Index;
        public int Next;
        public int Sent;
        public int Outstanding;
        public int FirstError;
        public DecoderProtocol.Status Status;
        public string? Message;

        public readonly bool Finished => Message is not null || Next >= Request.Wanted.Length;

        public bool IsWanted()
        {
            while (Next < Request.Wanted.Length && Request.Wanted[Next] < Index)
            {
                Next++;
            }

            return Next < Request.Wanted.Length && Request.Wanted[Next] == Index;
        }

        public void Stop(DecoderProtocol.Status status, string message)
        {
            Status = status;
            Message = message;
        }

        // A decoding error other than memory is skipped, as ffmpeg does; true when the note must stop.
        public bool Failed(int error)
        {
            if (error >= 0 || error == LibAv.ErrorAgain)
            {
                return false;
            }

            if (error == LibAv.ErrorNoMemory)
            {
                Stop(DecoderProtocol.Status.OutOfMemory, "out of memory: " + LibAv.Describe(error));
                return true;
            }

            FirstError = FirstError == 0 ? error : FirstError;
            return false;
        }
    }
}
