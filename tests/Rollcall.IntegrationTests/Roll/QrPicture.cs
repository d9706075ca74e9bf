using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Rollcall.IntegrationTests.Roll;

/// <summary>Reads a QR picture back as a phone's camera would, with ZXing (Apache-2.0), so a test sees what students scan.</summary>
internal static class QrPicture
{
    public static string? Read(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }
}
