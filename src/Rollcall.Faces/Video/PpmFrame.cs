using OpenCvSharp;

namespace Rollcall.Faces.Video;

/// <summary>Reads one binary PPM (P6, 8-bit RGB) from the decoder's pipe into a BGR Mat, with its size checked before any allocation.</summary>
internal readonly record struct PpmFrame(Mat? Image, string? Failure)
{
    /// <summary>The next frame; Image null at the end of the stream or on a failure.</summary>
    public static PpmFrame Read(Stream input, long maxPixels)
    {
        var first = input.ReadByte();
        if (first < 0)
        {
            return default;
        }

        if (first != 'P' || input.ReadByte() != '6')
        {
            return new PpmFrame(null, "the decoder sent something other than a frame");
        }

        var width = Number(input);
        var height = Number(input);
        var depth = Number(input);
        if (width <= 0 || height <= 0 || depth != 255)
        {
            return new PpmFrame(null, "the decoder sent a malformed frame header");
        }

        if ((long)width * height > maxPixels)
        {
            return new PpmFrame(null, $"a decoded frame is {width}x{height}, more than {maxPixels} pixels");
        }

        var image = new Mat(height, width, MatType.CV_8UC3);
        try
        {
            Fill(input, image, width * height * 3);
        }
        catch (EndOfStreamException)
        {
            image.Dispose();
            return default;
        }

        Cv2.CvtColor(image, image, ColorConversionCodes.RGB2BGR);
        return new PpmFrame(image, null);
    }

    private static unsafe void Fill(Stream input, Mat image, int bytes) => input.ReadExactly(new Span<byte>((void*)image.Data, bytes));

    // A decimal field after optional whitespace, ending at (and consuming) one whitespace byte; -1 when malformed.
    private static int Number(Stream input)
    {
        var c = input.ReadByte();
        while (c is ' ' or '\n' or '\r' or '\t')
        {
            c = input.ReadByte();
        }

        var value = 0;
        var digits = 0;
        while (c is >= '0' and <= '9' && digits < 6)
        {
            value = (value * 10) + (c - '0');
            digits++;
            c = input.ReadByte();
        }

        return digits > 0 && c is ' ' or '\n' or '\r' or '\t' ? value : -1;
    }
}
