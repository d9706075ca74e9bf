using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Reads a QR picture back with ZXing (Apache-2.0), so a test sees what the code carries.</summary>
internal static class QrPicture
{
    /// <summary>
    /// The picture is a clean render, so ZXing reads it as one (PURE_BARCODE). Its finder-pattern detector, made for
    /// camera frames, missed 222 of 3000 perfect renders of session links, and OpenCV's detector about as many, while
    /// this mode read them all.
    /// </summary>
    private static readonly Dictionary<DecodeHintType, object> Hints = new() { [DecodeHintType.PURE_BARCODE] = true };

    public static string? Read(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Hints)?.Text;
    }
}
