using System.IO.MemoryMappedFiles;
using Rollcall.Faces.Decoder;

// rollcall-decoder SHARED_MEMORY_FILE MAX_PIXELS: decodes notes for the host until stdin closes (the host stopped or died).
if (args.Length != 2 || !long.TryParse(args[1], out var maxPixels) || maxPixels <= 0)
{
    Console.Error.WriteLine("usage: rollcall-decoder SHARED_MEMORY_FILE MAX_PIXELS (started by Rollcall's face engine)");
    return 2;
}

using var input = new BufferedStream(Console.OpenStandardInput(), 1 << 16);
using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 12);
using var replies = new BinaryWriter(output);
if (!LibAv.TryLoad(out var missing))
{
    replies.Write(DecoderProtocol.Unavailable);
    replies.Write(missing!);
    replies.Flush();
    return 3;
}

var slotBytes = DecoderProtocol.SlotBytes(maxPixels);
using var shared = MemoryMappedFile.CreateFromFile(args[0], FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite);
using var view = shared.CreateViewAccessor(0, slotBytes * DecoderProtocol.Slots, MemoryMappedFileAccess.ReadWrite);
LibAv.av_log_set_level(16); // errors only, on stderr, which the host reads

using var decoder = new NoteDecoder(view, slotBytes, input, replies);
replies.Write(DecoderProtocol.Ready);
replies.Flush();
using var requests = new BinaryReader(input);
while (NoteRequest.TryRead(requests, maxPixels, out var request))
{
    using (request)
    {
        decoder.Decode(request);
    }
}

return 0;
