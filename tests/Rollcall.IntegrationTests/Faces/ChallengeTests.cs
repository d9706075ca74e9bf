using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>Active challenges on synthetic clips: a frontal photo cross-faded into a turned photo of the same person.</summary>
public sealed class ChallengeTests(FacesFixture faces) : IDisposable
{
    private readonly FacesVerification verification = new(faces);

    [Fact]
    public async Task HeadTurnedToTheStudentsLeft_PassesTurnLeft()
    {
        await verification.EnrollAsync("s5", TestFaces.Person("person05", "img17.jpg"));
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedLeftOfImage);

        Assert.IsType<FaceCheck.Match>(await verification.VerifyAsync("s5", clip, ChallengeKind.TurnLeft));
    }

    [Fact]
    public async Task HeadTurnedTheOtherWay_FailsTheChallenge()
    {
        await verification.EnrollAsync("s5", TestFaces.Person("person05", "img17.jpg"));
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedLeftOfImage);

        var check = await verification.VerifyAsync("s5", clip, ChallengeKind.TurnRight);

        var failed = Assert.IsType<FaceCheck.ChallengeFailed>(check);
        Assert.InRange(failed.Score, 70, 100);
    }

    [Fact]
    public async Task HeadTurnedToTheStudentsRight_PassesTurnRight()
    {
        await verification.EnrollAsync("s5", TestFaces.Person("person05", "img17.jpg"));
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedRightOfImage);

        Assert.IsType<FaceCheck.Match>(await verification.VerifyAsync("s5", clip, ChallengeKind.TurnRight));
    }

    [Fact]
    public async Task ClipWithoutABlink_FailsBlink()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B);

        var check = await verification.VerifyAsync("s1", clip, ChallengeKind.Blink);

        Assert.Equal("no blink was seen", Assert.IsType<FaceCheck.ChallengeFailed>(check).Reason);
    }

    public void Dispose() => verification.Dispose();
}
