using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>FaceVerifier on synthetic video notes made from samples/faces (see VideoClips).</summary>
public sealed class VideoNoteVerificationTests(FacesFixture faces) : IDisposable
{
    private readonly FacesVerification verification = new(faces);

    [Fact]
    public async Task EnrolledStudentInALiveLikeClip_Matches()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B);

        var check = await verification.VerifyAsync("s1", clip);

        var match = Assert.IsType<FaceCheck.Match>(check);
        Assert.InRange(match.Score, 75, 100);
        Assert.InRange(match.FramesUsed, 2, 3);
        Assert.InRange(match.Liveness, 0.5, 1);
    }

    [Fact]
    public async Task SomeoneElseInTheClip_IsAMismatch()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        var clip = await faces.Clips.LiveLikeAsync(TestFaces.Person02, TestFaces.Person02B);

        var check = await verification.VerifyAsync("s1", clip);

        var mismatch = Assert.IsType<FaceCheck.Mismatch>(check);
        Assert.InRange(mismatch.Score, 0, 55);
    }

    [Fact]
    public async Task StillPhotoReplay_FailsLiveness()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var check = await verification.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B));

        var notLive = Assert.IsType<FaceCheck.NotLive>(check);
        Assert.InRange(notLive.Score, 70, 100);
    }

    [Fact]
    public async Task SlowlyPannedPhotoReplay_FailsLiveness()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var check = await verification.VerifyAsync("s1", await faces.Clips.PannedAsync(TestFaces.Person01B));

        Assert.IsType<FaceCheck.NotLive>(check);
    }

    [Fact]
    public async Task StillPhotoReplay_MatchesWhenLivenessIsNotRequired()
    {
        using var lenient = new FacesVerification(faces, new FaceOptions { LivenessRequired = false });
        await lenient.EnrollAsync("s1", TestFaces.Person01);

        var check = await lenient.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B));

        Assert.IsType<FaceCheck.Match>(check);
    }

    [Fact]
    public async Task TwoPeopleInTheClip_AreRefused()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var couple = await verification.VerifyAsync("s1", await faces.Clips.SceneAsync(TestFaces.Couple));
        var crowd = await verification.VerifyAsync("s1", await faces.Clips.SceneAsync(TestFaces.ManyPeople));

        Assert.Equal(2, Assert.IsType<FaceCheck.SeveralFaces>(couple).Count);
        Assert.InRange(Assert.IsType<FaceCheck.SeveralFaces>(crowd).Count, 3, 10);
    }

    [Fact]
    public async Task ClipWithoutAFace_IsNoFace()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        Assert.IsType<FaceCheck.NoFace>(await verification.VerifyAsync("s1", await faces.Clips.NoFaceAsync()));
    }

    [Fact]
    public async Task TinyFace_IsTooSmall()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var check = await verification.VerifyAsync("s1", await faces.Clips.SceneAsync(TestFaces.Person01B, 70));

        Assert.IsType<FaceCheck.FaceTooSmall>(check);
    }

    [Fact]
    public async Task ClipShorterThanOneSecond_IsABadVideo()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);

        var check = await verification.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B, 0.5));

        Assert.Contains("shorter", Assert.IsType<FaceCheck.BadVideo>(check).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zero-byte")]
    [InlineData("random")]
    [InlineData("jpeg")]
    [InlineData("truncated")]
    [InlineData("header-only")]
    [InlineData("garbled")]
    public async Task BrokenVideo_IsABadVideoWithoutACrash(string kind)
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        var good = await faces.Clips.StillAsync(TestFaces.Person01B);
        byte[] bytes = kind switch
        {
            "zero-byte" => [],
            "random" => [.. Enumerable.Range(0, 20000).Select(i => (byte)((i * 7919) >> 3))],
            "jpeg" => File.ReadAllBytes(TestFaces.Person01B),
            "truncated" => good[..(good.Length / 3)],
            "header-only" => good[..32],
            _ => Garble(good),
        };

        var check = await verification.VerifyAsync("s1", bytes);

        Assert.True(check is FaceCheck.BadVideo or FaceCheck.NoFace, $"{kind}: {check}");
    }

    [Fact]
    public async Task ClipOverTheSizeLimit_IsABadVideo()
    {
        using var strict = new FacesVerification(faces, new FaceOptions { MaxVideoBytes = 4096 });
        await strict.EnrollAsync("s1", TestFaces.Person01);

        var check = await strict.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B));

        Assert.Contains("larger", Assert.IsType<FaceCheck.BadVideo>(check).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudentWithoutAPhoto_HasNoPhoto()
    {
        Assert.IsType<FaceCheck.NoPhoto>(await verification.VerifyAsync("nobody", await faces.Clips.StillAsync(TestFaces.Person01B)));
    }

    [Fact]
    public async Task EnrolledGroupPhoto_IsABadPhoto()
    {
        await verification.EnrollAsync("s2", TestFaces.Couple);

        var check = await verification.VerifyAsync("s2", await faces.Clips.StillAsync(TestFaces.Person01B));

        Assert.Equal("several faces", Assert.IsType<FaceCheck.BadPhoto>(check).Reason);
    }

    [Fact]
    public async Task ReferenceEmbedding_IsCachedForThePhotoVersion()
    {
        await verification.EnrollAsync("s1", TestFaces.Person01);
        await verification.VerifyAsync("s1", await faces.Clips.StillAsync(TestFaces.Person01B));
        var version = (await verification.Photos.FindAsync("s1", CancellationToken.None))!.VersionTag;

        Assert.NotNull(await verification.Cache.FindAsync("s1", version, CancellationToken.None));
    }

    public void Dispose() => verification.Dispose();

    // Keeps the MP4 boxes' header but overwrites the middle of the stream.
    private static byte[] Garble(byte[] good)
    {
        var bytes = (byte[])good.Clone();
        for (var i = 64; i < bytes.Length - 64; i += 3)
        {
            bytes[i] ^= 0x5A;
        }

        return bytes;
    }
}
