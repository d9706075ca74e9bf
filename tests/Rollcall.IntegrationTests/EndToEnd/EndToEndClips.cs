using System.Collections.Concurrent;
using OpenCvSharp;
using Rollcall.Faces.Onnx;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Clips;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>Video notes for the end-to-end tests, made in-process once per run and shared by every test class.</summary>
public static class EndToEndClips
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Made = new();

    /// <summary>Person01 (Alice, ST-001) moving: photos other than her enrolled one.</summary>
    public static byte[] AliceLive(FaceEngine engine) => Make("alice-live", () => new SyntheticClips(engine).LiveLike([TestFaces.Person01B, TestFaces.Person01C], 1.8));

    /// <summary>Alice again, a second recording: the same photos in the other order, and back (one cross-fade moved too little for 16 frames).</summary>
    public static byte[] AliceAgain(FaceEngine engine) => Make("alice-again", () => new SyntheticClips(engine).LiveLike([TestFaces.Person01C, TestFaces.Person01B, TestFaces.Person01C], 2.7));

    /// <summary>Person02 (Bobur, ST-002) moving.</summary>
    public static byte[] BoburLive(FaceEngine engine) =>
        Make("bobur-live", () => new SyntheticClips(engine).LiveLike([TestFaces.Person02B, TestFaces.Person("person02", "img53.jpg")], 1.8));

    /// <summary>A still photo of Bobur held to the camera.</summary>
    public static byte[] BoburStill(FaceEngine engine) => Make("bobur-still", () => new SyntheticClips(engine).Still(TestFaces.Person02B, 1.8));

    /// <summary>A plain grey picture with soft stripes: no face at all.</summary>
    public static byte[] NoFace() => Make("noface", () =>
    {
        using var plain = new Mat(SyntheticClips.Side, SyntheticClips.Side, MatType.CV_8UC3, new Scalar(128, 128, 128));
        for (var y = 0; y < SyntheticClips.Side; y += 32)
        {
            Cv2.Rectangle(plain, new Rect(0, y, SyntheticClips.Side, 12), new Scalar(150, 150, 150), -1);
        }

        return StillPicture(plain);
    });

    /// <summary>The couple photo, whole: two faces of similar size.</summary>
    public static byte[] Couple() => Make("couple", () =>
    {
        using var image = Cv2.ImRead(TestFaces.Couple, ImreadModes.Color);
        var scale = (double)SyntheticClips.Side / Math.Max(image.Width, image.Height);
        using var small = image.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area);
        using var square = new Mat();
        int padX = SyntheticClips.Side - small.Width, padY = SyntheticClips.Side - small.Height;
        Cv2.CopyMakeBorder(small, square, padY / 2, padY - (padY / 2), padX / 2, padX - (padX / 2), BorderTypes.Constant, Scalar.Black);
        return StillPicture(square);
    });

    private static byte[] Make(string name, Func<byte[]> make) =>
        Made.GetOrAdd(name, _ => new Lazy<byte[]>(make)).Value;

    // 1.5 s of one picture as an MP4 video note, the format SyntheticClips writes.
    private static byte[] StillPicture(Mat picture) => SyntheticClips.Picture(picture, 1.5);
}
