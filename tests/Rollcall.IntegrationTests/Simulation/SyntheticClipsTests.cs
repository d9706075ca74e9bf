using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation.Clips;

namespace Rollcall.IntegrationTests.Simulation;

/// <summary>The in-process clips that the demo and the load test send as video notes verify like the ffmpeg-made ones.</summary>
public sealed class SyntheticClipsTests(FacesFixture faces)
{
    [Fact]
    public async Task LiveLikeClipOfTheEnrolledStudent_Matches()
    {
        var clips = new SyntheticClips(faces.Engine);
        using var verification = new FacesVerification(faces);
        await verification.EnrollAsync("S-1", TestFaces.Person01);

        var check = await verification.VerifyAsync("S-1", clips.LiveLike([TestFaces.Person01B, TestFaces.Person01C]));

        var match = Assert.IsType<FaceCheck.Match>(check);
        Assert.InRange(match.Score, 70, 100);
    }

    [Fact]
    public async Task LiveLikeClipOfSomeoneElse_DoesNotMatch()
    {
        var clips = new SyntheticClips(faces.Engine);
        using var verification = new FacesVerification(faces);
        await verification.EnrollAsync("S-1", TestFaces.Person01);

        var check = await verification.VerifyAsync("S-1", clips.LiveLike([TestFaces.Person02, TestFaces.Person02B]));

        Assert.IsType<FaceCheck.Mismatch>(check);
        Assert.InRange(check.Similarity!.Value, 0, 69.9);
    }

    [Fact]
    public async Task StillPhotoClip_IsNotLive()
    {
        var clips = new SyntheticClips(faces.Engine);
        using var verification = new FacesVerification(faces);
        await verification.EnrollAsync("S-1", TestFaces.Person01);

        var check = await verification.VerifyAsync("S-1", clips.Still(TestFaces.Person01B));

        Assert.IsType<FaceCheck.NotLive>(check);
    }
}
