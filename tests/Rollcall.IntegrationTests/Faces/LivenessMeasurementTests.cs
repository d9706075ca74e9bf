using Rollcall.Faces;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>
/// The passive decision's signals on synthetic clips: photo replays (held still or panned) against cross-faded photos of one person.
/// The clips are made from photos, not recorded from people; this shows the signal separates rigid from non-rigid change, not real-world error rates.
/// </summary>
public sealed class LivenessMeasurementTests(FacesFixture faces, ITestOutputHelper output)
{
    [Fact]
    public async Task ReplayedPhotos_KeepTheirShape_AndLiveLikeClipsDoNot()
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

        output.WriteLine($"replays max {replays.Max():0.00}, live-like min {live.Min():0.00}, LIVENESS_MIN_SHAPE_CHANGE default {faces.Options.LivenessMinShapeChange}");
        Assert.All(replays, m => Assert.InRange(m, 0, faces.Options.LivenessMinShapeChange));
        Assert.All(live, m => Assert.InRange(m, faces.Options.LivenessMinShapeChange, 100));
    }

    private double Motion(VideoNoteAnalyzer analyzer, string name, byte[] clip)
    {
        var evidence = analyzer.Analyze(clip, Challenge.None, TestContext.Current.CancellationToken);
        var shape = PassiveLiveness.ShapeChange(evidence.Signals);
        output.WriteLine($"{name,-22} shape change {shape,6:0.00}  moved parts {PassiveLiveness.MovedParts(evidence.Signals, evidence.Fps)}  motion {evidence.Motion.Score,6:0.00}  passive {evidence.PassiveLiveness:0.00}");
        return shape;
    }
}
