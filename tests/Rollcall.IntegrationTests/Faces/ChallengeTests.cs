using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.Clips;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>The challenge through the real verifier on windows of the recordings (samples/videos/actions.csv), as a phone sends them.</summary>
public sealed class ChallengeTests(FacesFixture faces) : IDisposable
{
    private static readonly Challenge OpenMouthThenBlink = new(ChallengeAction.OpenMouth, ChallengeAction.Blink);
    private readonly DirectoryInfo cache = Directory.CreateTempSubdirectory("rollcall-challenge-");
    private readonly FacesVerification verification = new(faces);

    [Fact]
    public async Task PerformedInTheAskedOrder_Matches_AndInTheOtherOrder_IsTheWrongOrder()
    {
        // d18 opens the mouth wide (2.1 s), then blinks (3.1 s).
        var note = await WindowAsync("d18", 1.4, 2.2, mirrored: true);

        var asked = await verification.VerifyAsync("d18", note.Bytes, OpenMouthThenBlink);
        var reversed = await verification.VerifyAsync("d18", note.Bytes, new Challenge(ChallengeAction.Blink, ChallengeAction.OpenMouth));

        Assert.IsType<FaceCheck.Match>(asked);
        Assert.Equal(ChallengeMiss.Order, Assert.IsType<FaceCheck.ChallengeFailed>(reversed).Miss);
    }

    [Fact]
    public async Task OnlyTheFirstAction_MissesTheSecond()
    {
        var note = await WindowAsync("d18", 1.4, 1.65, mirrored: false);

        var check = await verification.VerifyAsync("d18", note.Bytes, OpenMouthThenBlink);

        Assert.Equal(ChallengeMiss.Second, Assert.IsType<FaceCheck.ChallengeFailed>(check).Miss);
    }

    [Fact]
    public async Task AStillPhoto_PassesNoChallenge()
    {
        var corpus = new LivenessCorpus(SampleData.Recordings, null, cache.FullName);
        var photo = (await corpus.AttacksAsync([384], ["still"], TestContext.Current.CancellationToken)).First(c => c.Person == "d18");
        await verification.EnrollAsync("d18", photo.Reference);
        var bytes = await File.ReadAllBytesAsync(photo.Path, TestContext.Current.CancellationToken);

        foreach (var challenge in ChallengePick.All)
        {
            Assert.IsNotType<FaceCheck.Match>(await verification.VerifyAsync("d18", bytes, challenge));
        }
    }

    [Fact]
    public async Task TheFaceIsFollowed_ForAChallengeOverTheWholeWindow_AndForThePassiveDecisionOverItsFirstSeconds()
    {
        // 6 s: the frames followed over the 5-s window (81 with the detected ones) once passed the decoder's bound of 64 wanted frames.
        var note = await WindowAsync("d18", 1.0, 6, mirrored: false);
        var ct = TestContext.Current.CancellationToken;

        var unwatched = new VideoNoteAnalyzer(faces.Engine, new FaceOptions { LivenessRequired = false }).Analyze(note.Bytes, Challenge.None, ct);
        var passive = new VideoNoteAnalyzer(faces.Engine, faces.Options).Analyze(note.Bytes, Challenge.None, ct);
        var challenged = new VideoNoteAnalyzer(faces.Engine, faces.Options).Analyze(note.Bytes, OpenMouthThenBlink, ct);

        Assert.Empty(unwatched.Signals);
        Assert.All(new[] { passive, challenged }, followed => Assert.Null(followed.Rejection));
        Assert.All(new[] { passive, challenged }, followed => Assert.Equal(faces.Options.SampledFrames, followed.Frames.Count));

        // Every second frame of the 30-fps note (15 a second) over FACE_PASSIVE_WINDOW_SECONDS (3) or the 5-s window, and the
        // sampled frames besides.
        Assert.InRange(passive.Signals.Count, 45, 45 + faces.Options.SampledFrames);
        Assert.InRange(challenged.Signals.Count, 73, 73 + faces.Options.SampledFrames);
    }

    public void Dispose()
    {
        verification.Dispose();
        cache.Delete(recursive: true);
    }

    // A window of a recording at 384 px, its ID photo (a frame from the recording's other end) enrolled for the recording's name.
    private async Task<(byte[] Bytes, string Reference)> WindowAsync(string person, double start, double seconds, bool mirrored)
    {
        var corpus = new LivenessCorpus(SampleData.Recordings, null, cache.FullName);
        var clip = await corpus.WindowAsync(person, start, seconds, 384, TestContext.Current.CancellationToken, mirrored);
        await verification.EnrollAsync(person, clip.Reference);
        return (await File.ReadAllBytesAsync(clip.Path, TestContext.Current.CancellationToken), clip.Reference);
    }
}
