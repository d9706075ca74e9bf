using OpenCvSharp;
using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

public sealed class ReferencePhotoTests(FacesFixture faces)
{
    [Fact]
    public void GenuinePair_ScoresAboveTheMatchThreshold()
    {
        var score = Similarity(TestFaces.Person01, TestFaces.Person01B);
        Assert.InRange(score, 75, 100);
    }

    [Fact]
    public void ImpostorPair_ScoresWellBelowTheMatchThreshold()
    {
        Assert.InRange(Similarity(TestFaces.Person01, TestFaces.Person02), 0, 55);
        Assert.InRange(Similarity(TestFaces.Person02, TestFaces.Person03), 0, 55);
    }

    [Fact]
    public void TwoFaceScene_IsNotAUsableReference()
    {
        var reference = Reference(File.ReadAllBytes(TestFaces.Couple));
        Assert.Null(reference.Embedding);
        Assert.Equal("several faces", reference.Failure);
    }

    [Fact]
    public void ImageWithoutAFace_IsNotAUsableReference()
    {
        using var grey = new Mat(480, 640, MatType.CV_8UC3, new Scalar(128, 128, 128));
        Cv2.Randu(grey, Scalar.All(100), Scalar.All(160));
        var reference = Reference(grey.ToBytes(".jpg"));
        Assert.Equal("no face found", reference.Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void UnreadableImage_IsRejectedWithoutACrash(int kind)
    {
        var jpeg = File.ReadAllBytes(TestFaces.Person01);
        byte[] bytes = kind switch
        {
            0 => [],
            1 => [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))],
            _ => jpeg[..64],
        };
        Assert.Equal("not a readable image", Reference(bytes).Failure);
    }

    private double Similarity(string a, string b) =>
        SimilarityScale.Score(Reference(File.ReadAllBytes(a)).Embedding, Reference(File.ReadAllBytes(b)).Embedding);

    private ReferenceFace Reference(byte[] bytes) => ReferenceFace.FromImage(faces.Engine, bytes, 48);
}
