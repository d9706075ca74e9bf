using QRCoder;

namespace Rollcall.Telegram.Roll;

/// <summary>The session's code as a QR picture for a projector: the deep link when there is one, else the code's digits.</summary>
public static class SessionQr
{
    /// <summary>Pixels per module: a 33-module code comes out near 450 px, readable across a classroom.</summary>
    private const int ModulePixels = 12;

    public static byte[] Png(string content)
    {
        using var data = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(ModulePixels);
    }
}
