using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces;

/// <summary>The embedding of an enrolled ID photo, or why the photo cannot be used.</summary>
public sealed record ReferenceFace(float[]? Embedding, string? Failure)
{
    /// <summary>What the detector saw when the photo has no single usable face; null when it has one.</summary>
    public FaceFinding? Finding { get; init; }

    /// <summary>Decodes the photo (JPEG or PNG), finds its single face and embeds it.</summary>
    public static ReferenceFace FromImage(FaceEngine engine, ReadOnlySpan<byte> bytes, int minFacePixels)
    {
        using var image = bytes.IsEmpty ? new Mat() : Cv2.ImDecode(bytes, ImreadModes.Color);
        if (image.Empty())
        {
            return new ReferenceFace(null, "not a readable image");
        }

        var face = ImageFace.Find(engine, image, [], minFacePixels);
        if (face.Finding == FaceFinding.None || (face.Finding == FaceFinding.One && NearTheEdge(face.Box, image)))
        {
            // A passport-style crop (the face fills the picture) is found and aligned once it has room around it.
            using var padded = Padded(image);
            var again = ImageFace.Find(engine, padded, [], minFacePixels);
            if (again.Finding == FaceFinding.One)
            {
                return Embedded(engine, padded, again);
            }
        }

        if (face.Finding != FaceFinding.One)
        {
            return new ReferenceFace(null, face.Finding switch
            {
                FaceFinding.None => "no face found",
                FaceFinding.Several => "several faces",
                _ => "the face is too small",
            })
            {
                Finding = face.Finding,
            };
        }

        return Embedded(engine, image, face);
    }

    private static ReferenceFace Embedded(FaceEngine engine, Mat image, ImageFace face)
    {
        var embedding = new float[FaceEngine.EmbeddingSize];
        return engine.Embed(image, face.Landmarks!, embedding)
            ? new ReferenceFace(embedding, null)
            : new ReferenceFace(null, "the face could not be aligned");
    }

    // The box reaches within a tenth of the picture's size of an edge: the landmark crop would be clamped, the alignment off.
    private static bool NearTheEdge(FaceBox box, Mat image)
    {
        var mx = image.Width / 10f;
        var my = image.Height / 10f;
        return box.X1 < mx || box.Y1 < my || box.X2 > image.Width - mx || box.Y2 > image.Height - my;
    }

    // Half the picture's larger side of mid grey on every side.
    private static Mat Padded(Mat image)
    {
        var border = Math.Max(image.Width, image.Height) / 2;
        var padded = new Mat();
        Cv2.CopyMakeBorder(image, padded, border, border, border, border, BorderTypes.Constant, new Scalar(127, 127, 127));
        return padded;
    }
}
