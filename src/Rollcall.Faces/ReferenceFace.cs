using OpenCvSharp;
using Rollcall.Faces.Onnx;

namespace Rollcall.Faces;

/// <summary>The embedding of an enrolled ID photo, or why the photo cannot be used.</summary>
public sealed record ReferenceFace(float[]? Embedding, string? Failure)
{
    /// <summary>Decodes the photo (JPEG or PNG), finds its single face and embeds it.</summary>
    public static ReferenceFace FromImage(FaceEngine engine, ReadOnlySpan<byte> bytes, int minFacePixels)
    {
        using var image = bytes.IsEmpty ? new Mat() : Cv2.ImDecode(bytes, ImreadModes.Color);
        if (image.Empty())
        {
            return new ReferenceFace(null, "not a readable image");
        }

        var face = ImageFace.Find(engine, image, [], minFacePixels);
        if (face.Finding != FaceFinding.One)
        {
            return new ReferenceFace(null, face.Finding switch
            {
                FaceFinding.None => "no face found",
                FaceFinding.Several => "several faces",
                _ => "the face is too small",
            });
        }

        var embedding = new float[FaceEngine.EmbeddingSize];
        return engine.Embed(image, face.Landmarks!, embedding)
            ? new ReferenceFace(embedding, null)
            : new ReferenceFace(null, "the face could not be aligned");
    }
}
