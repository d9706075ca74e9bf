using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Rollcall.Faces.Onnx;
using Rollcall.Ports;

namespace Rollcall.Faces.Review;

/// <summary>
/// ID photo | video frame, each cropped around its largest face (the whole picture without the local engine), 2 x 320 px
/// with a caption strip: small enough for a phone, large enough to judge.
/// </summary>
public sealed class ReviewImageComposer(IPhotoStore photos, IOptions<FaceOptions> options, IServiceProvider services) : IReviewImages
{
    private const int Side = 320;
    private const int Strip = 36;

    public async Task<byte[]?> ComposeAsync(string studentId, ReadOnlyMemory<byte> video, CancellationToken cancellationToken)
    {
        var photo = await photos.FindAsync(studentId, cancellationToken);
        var engine = options.Value.Provider == "local" ? services.GetService<FaceEngine>() : null;
        return await Task.Run(() => Compose(photo?.Bytes, video, engine, cancellationToken), cancellationToken);
    }

    private byte[]? Compose(byte[]? photoBytes, ReadOnlyMemory<byte> video, FaceEngine? engine, CancellationToken cancellationToken)
    {
        using var photo = photoBytes is null ? new Mat() : Cv2.ImDecode(photoBytes, ImreadModes.Color);
        using var frame = MiddleFrame(video.Span, cancellationToken);
        if (photo.Empty() && frame.Empty())
        {
            return null;
        }

        using var left = Tile(photo, engine, "ID photo");
        using var right = Tile(frame, engine, "Video note");
        using var both = new Mat();
        Cv2.HConcat([left, right], both);
        Cv2.ImEncode(".jpg", both, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return jpeg;
    }

    // The review picture is best effort: a note that cannot be decoded, or a decoder that fails, gives a grey tile.
    private Mat MiddleFrame(ReadOnlySpan<byte> video, CancellationToken cancellationToken)
    {
        try
        {
            return Video.MiddleFrame.Decode(video, options.Value, cancellationToken).Frame ?? new Mat();
        }
        catch (FaceEngineFaultException)
        {
            return new Mat();
        }
    }

    /// <summary>One square tile with its label; grey when the picture is missing.</summary>
    private static Mat Tile(Mat image, FaceEngine? engine, string label)
    {
        var tile = new Mat(Side + Strip, Side, MatType.CV_8UC3, new Scalar(40, 40, 40));
        if (!image.Empty())
        {
            using var crop = new Mat(image, FaceRegion(image, engine));
            using var square = new Mat();
            Cv2.Resize(crop, square, new Size(Side, Side), 0, 0, InterpolationFlags.Area);
            square.CopyTo(new Mat(tile, new Rect(0, Strip, Side, Side)));
        }

        Cv2.PutText(tile, image.Empty() ? label + ": missing" : label, new Point(10, 25), HersheyFonts.HersheySimplex, 0.7, Scalar.White, 2, LineTypes.AntiAlias);
        return tile;
    }

    /// <summary>A square around the largest face with a margin, or the central square of the picture.</summary>
    private static Rect FaceRegion(Mat image, FaceEngine? engine)
    {
        var size = Math.Min(image.Cols, image.Rows);
        var region = new Rect((image.Cols - size) / 2, (image.Rows - size) / 2, size, size);
        if (engine is null)
        {
            return region;
        }

        List<FaceBox> faces = [];
        engine.Detect(image, faces);
        if (faces.Count == 0)
        {
            return region;
        }

        var face = faces.MaxBy(f => f.Area);
        var side = (int)Math.Min(size, Math.Max(face.Width, face.Height) * 1.8f);
        var x = (int)Math.Clamp(((face.X1 + face.X2) / 2) - (side / 2f), 0, image.Cols - side);
        var y = (int)Math.Clamp(((face.Y1 + face.Y2) / 2) - (side / 2f), 0, image.Rows - side);
        return new Rect(x, y, side, side);
    }
}
