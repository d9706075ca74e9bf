using Rollcall.Faces;
using Rollcall.IntegrationTests.Support;
using Rollcall.Simulation;
using Rollcall.Simulation.Clips;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>
/// Issue 13's challenge targets on a fixed subset of the challenge corpus (the whole corpus, at 384 and 640 px with joined windows and
/// screen replays, runs in `rollcall bench faces --challenge`): at 384 px, every listed window of samples/videos/actions.csv alone, each
/// also mirrored, and photo replays (still, noise, pan, rotate, wobble) of a frame of every second person.
/// </summary>
/// <remarks>
/// Asserted: no photo replay passes any of the six challenges, alone or in the whole decision; the open mouth meets the false reject
/// (5 %) and false accept (2 %) targets. Printed, not asserted: the blink and the smile, which miss the false reject target on these
/// windows (blink 2/22 and 3/22, smile 1/10 each way), the reason ATTENDANCE_CHALLENGE stays off (faces README, Active challenge).
/// </remarks>
public sealed class ChallengeTargetTests(FacesFixture faces, ITestOutputHelper output) : IDisposable
{
    private const double MaxFalseRejects = 0.05;
    private const double MaxFalseAccepts = 0.02;

    private readonly DirectoryInfo cache = Directory.CreateTempSubdirectory("rollcall-challenge-ci-");

    [Fact]
    public async Task NoPhotoReplayPassesAnyChallenge_AndTheOpenMouthMeetsTheTargets()
    {
        var ct = TestContext.Current.CancellationToken;
        var liveness = new LivenessCorpus(SampleData.Recordings, null, cache.FullName);
        var corpus = new ChallengeCorpus(liveness, ActionWindow.Read(SampleData.Actions));
        var windows = await corpus.WindowsAsync([384], ct);
        var people = windows.Select(w => w.Person).Distinct().Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0).ToHashSet();
        var attacks = (await liveness.AttacksAsync([384], LivenessCorpus.PhotoAttacks, ct)).Where(c => people.Contains(c.Person))
            .Select(c => new ChallengeClip(c.Kind, c.Person, c.Side, c.Mirrored, [], c.Path, c.Reference)).ToList();

        var results = ChallengeMeasurement.Measure(faces.Engine, new FaceOptions(), [.. windows, .. attacks], ct);

        var rates = ChallengeMeasurement.Actions(results, r => r.Clip.Mirrored ? "mirrored" : "unmirrored").ToList();
        rates.ForEach(r => output.WriteLine(r.ToString()));
        var missed = rates.Where(r => r.Group.StartsWith("open-mouth", StringComparison.Ordinal))
            .Where(r => r.Rejected > MaxFalseRejects * r.Genuine || r.Accepted > MaxFalseAccepts * r.Impostor).ToList();

        var options = new FaceOptions();
        var replays = results.Where(r => r.Clip.IsAttack).ToList();
        var passed = replays.SelectMany(r => ChallengePick.All.Where(r.Passes).Select(c => $"{r.Clip} passed {ChallengeMeasurement.Name(c)}")).ToList();
        var accepted = replays.SelectMany(r => ChallengePick.All.Where(c => r.Decide(c, options) is FaceCheck.Match).Select(c => $"{r.Clip} accepted")).ToList();
        output.WriteLine($"photo replays: {replays.Count} clips x {ChallengePick.All.Count} challenges, challenge passed {passed.Count}, whole decision accepted {accepted.Count}");

        Assert.True(windows.Count == 88 && replays.Count == 30, $"{windows.Count} windows, {replays.Count} replays");
        Assert.True(passed.Count == 0 && accepted.Count == 0, string.Join("; ", passed.Concat(accepted)));
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    public void Dispose() => cache.Delete(recursive: true);
}
