using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>
/// The temporal liveness signal on synthetic clips: photo replays (held still or panned) against cross-faded photos of one person.
/// The clips are made from photos, not recorded from people; this shows the signal separates rigid from non-rigid change, not real-world error rates.
/// </summary>
public sealed class LivenessMeasurementTests(FacesFixture faces, ITestOutputHelper output)
{
    [Fact]
    public async Task ReplayedPhotos_MoveLessThanTheDefaultThreshold_AndLiveLikeClipsMore()
    {
        var analyzer = new VideoNoteAnalyzer(faces.Engine, faces.Options);
        var replays = new List<double>();
        var live = new List<double>();
        foreach (var photo in new[] { TestFaces.Person01B, TestFaces.Person02, TestFaces.Person03, TestFaces.Person05Frontal })
        {
            replays.Add(Motion(analyzer, "still " + Path.GetFileName(photo), await faces.Clips.StillAsync(photo)));
            replays.Add(Motion(analyzer, "panned " + Path.GetFileName(photo), await faces.Clips.PannedAsync(photo)));
        }

        live.Add(Motion(analyzer, "live-like person01", await faces.Clips.LiveLikeAsync(TestFaces.Person01B, TestFaces.Person01C, TestFaces.Person01B)));
        live.Add(Motion(analyzer, "live-like person02", await faces.Clips.LiveLikeAsync(TestFaces.Person02, TestFaces.Person02B)));
        live.Add(Motion(analyzer, "live-like person05", await faces.Clips.LiveLikeAsync(TestFaces.Person05Frontal, TestFaces.Person05TurnedLeftOfImage)));

        output.WriteLine($"replays max {replays.Max():0.00}, live-like min {live.Min():0.00}, LIVENESS_MIN_MOTION default {faces.Options.LivenessMinMotion}");
        Assert.All(replays, m => Assert.InRange(m, 0, faces.Options.LivenessMinMotion));
        Assert.All(live, m => Assert.InRange(m, faces.Options.LivenessMinMotion, 255));
    }

    private double Motion(VideoNoteAnalyzer analyzer, string name, byte[] clip)
    {
        var evidence = analyzer.Analyze(clip, Challenge.None, TestContext.Current.CancellationToken);
        output.WriteLine($"{name,-22} motion {evidence.Motion.Score,6:0.00}  landmark residual {evidence.Motion.LandmarkResidual,5:0.00}%  passive {evidence.PassiveLiveness:0.00}  liveness stage {evidence.Times.LivenessMs:0} ms");
        return evidence.Motion.Score;
    }
}
