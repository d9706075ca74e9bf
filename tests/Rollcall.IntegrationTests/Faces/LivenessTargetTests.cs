using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.Clips;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>
/// The passive liveness decision on a fixed subset of the corpus made from the real recordings (samples/videos/people; the whole
/// corpus runs in `rollcall bench faces --liveness`): at 384 px, the first two 3-s windows of every recording, each also mirrored,
/// against photo replays (still, noise, pan, rotate, wobble) of a frame of each person, whose ID photo is a later frame.
/// </summary>
public sealed class LivenessTargetTests(FacesFixture faces) : IDisposable
{
    /// <summary>
    /// The people who sit still at the start of their recording (d0, d9, d18, d19: motion 2.2-3.4 on the whole corpus) are the
    /// passive decision's known refusals: a photo replay moves as much (2.5-5), so they need the challenge. Issue 13's BPCER target
    /// (2 %) is not met: 13.6 % of all 3-s windows (`rollcall bench faces --liveness`, README).
    /// </summary>
    private static readonly string[] StillSitters = ["d0", "d9", "d18", "d19"];

    private readonly DirectoryInfo cache = Directory.CreateTempSubdirectory("rollcall-liveness-ci-");

    [Fact]
    public async Task PhotoReplaysAreStopped_AndEveryoneWhoMovesIsLive()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = new LivenessCorpus(SampleData.Recordings, null, cache.FullName);
        var live = (await corpus.LiveAsync([384], 3, mirrored: true, ct)).Where(c => c.Source is "0s" or "3s").ToList();
        var attacks = await corpus.AttacksAsync([384], LivenessCorpus.PhotoAttacks, ct);

        var results = LivenessMeasurement.Measure(faces.Engine, new FaceOptions(), [.. live, .. attacks], ct);

        foreach (var kind in LivenessCorpus.PhotoAttacks)
        {
            var ofKind = results.Where(r => r.Clip.Kind == kind).ToList();
            var accepted = ofKind.Where(r => r.Accepted).Select(r => r.Clip.ToString()).ToList();
            Assert.True(accepted.Count <= 0.01 * ofKind.Count, $"APCER {kind} {accepted.Count}/{ofKind.Count}: " + string.Join("; ", accepted));
        }

        var movers = results.Where(r => r.Clip.IsLive && !StillSitters.Contains(r.Clip.Person)).ToList();
        var refused = movers.Where(r => !r.Accepted).Select(r => $"{r.Clip}: {r.Decision}").ToList();
        Assert.True(movers.Count >= 30 && refused.Count == 0, $"{refused.Count} of {movers.Count} live windows refused: " + string.Join("; ", refused));
    }

    public void Dispose() => cache.Delete(recursive: true);
}
