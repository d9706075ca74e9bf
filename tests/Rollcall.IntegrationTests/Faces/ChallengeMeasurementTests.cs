using OpenCvSharp;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.IntegrationTests.Support;

namespace Rollcall.IntegrationTests.Faces;

/// <summary>
/// Measures the active challenge (issue #9) on synthetic clips from samples/faces and prints the rates for the README.
/// Frontal and turned photos are picked by the landmark yaw proxy. False rejects: a frontal photo cross-faded into a turned photo of
/// the same person, asked to turn that way. False accepts: still and panned photos, and the genuine clips asked to turn the other way.
/// The clips are made from photos, not recorded from people: the rates show how the check behaves, not real-world error rates.
/// </summary>
public sealed class ChallengeMeasurementTests(FacesFixture faces, ITestOutputHelper output)
{
    // A frontal photo is paired with at most this many turned photos' clips (the most frontal ones first).
    private const int FrontalPerTurned = 2;

    [Fact]
    public async Task TurnAndBlink_FalseRejectsOnTurningClips_AndFalseAcceptsOnStillPhotos()
    {
        var analyzer = new VideoNoteAnalyzer(faces.Engine, faces.Options);
        var people = PhotosByPerson();
        var genuine = new Rate();
        var wrongWay = new Rate();
        var blinkOnTurns = new Rate();
        var withClips = new HashSet<string>();
        foreach (var (person, photos) in people)
        {
            var frontal = photos.Where(p => Math.Abs(p.Yaw) < ChallengeCheck.Frontal).OrderBy(p => Math.Abs(p.Yaw)).Take(FrontalPerTurned).ToList();
            foreach (var turned in photos.Where(p => Math.Abs(p.Yaw) >= ChallengeCheck.Turned))
            {
                // Positive yaw = nose toward the image's right = the student's own left on an unmirrored recording.
                var asked = turned.Yaw > 0 ? ChallengeKind.TurnLeft : ChallengeKind.TurnRight;
                var other = asked == ChallengeKind.TurnLeft ? ChallengeKind.TurnRight : ChallengeKind.TurnLeft;
                foreach (var start in frontal)
                {
                    withClips.Add(person);
                    var clip = await faces.Clips.LiveLikeAsync(start.Path, turned.Path);
                    var turn = Analyze(analyzer, clip, asked);
                    var blink = Analyze(analyzer, clip, ChallengeKind.Blink);
                    var passed = genuine.Add(ChallengeCheck.Failure(turn.Frames, asked) is null);
                    wrongWay.Add(ChallengeCheck.Failure(turn.Frames, other) is null);
                    blinkOnTurns.Add(ChallengeCheck.Failure(blink.Frames, ChallengeKind.Blink) is null);
                    output.WriteLine($"{person} {Name(start)} -> {Name(turned)} asked {asked}: {(passed ? "passed" : "REJECTED")}; frame yaws {Yaws(turn)}");
                }
            }
        }

        var stillTurn = new Rate();
        var stillBlink = new Rate();
        foreach (var (person, photos) in people)
        {
            var replayed = photos.Where(p => Math.Abs(p.Yaw) >= ChallengeCheck.Turned).Append(photos.MinBy(p => Math.Abs(p.Yaw))!).Distinct();
            foreach (var photo in replayed)
            {
                foreach (var (kind, clip) in new[] { ("still", await faces.Clips.StillAsync(photo.Path)), ("panned", await faces.Clips.PannedAsync(photo.Path)) })
                {
                    var turn = Analyze(analyzer, clip, ChallengeKind.TurnLeft);
                    var left = stillTurn.Add(ChallengeCheck.Failure(turn.Frames, ChallengeKind.TurnLeft) is null);
                    var right = stillTurn.Add(ChallengeCheck.Failure(turn.Frames, ChallengeKind.TurnRight) is null);
                    var eyes = Analyze(analyzer, clip, ChallengeKind.Blink);
                    var blink = stillBlink.Add(ChallengeCheck.Failure(eyes.Frames, ChallengeKind.Blink) is null);
                    if (left || right || blink)
                    {
                        output.WriteLine($"{person} {kind} {Name(photo)} ACCEPTED: left {left}, right {right}, blink {blink}; frame yaws {Yaws(turn)}; eyes open {Eyes(eyes)}");
                    }
                }
            }
        }

        output.WriteLine($"turn, genuine (frontal -> turned the asked way): false rejects {genuine.Misses}/{genuine.Count} = {genuine.MissPercent:0.0}%");
        output.WriteLine($"turn, same clips asked the other way: false accepts {wrongWay.Hits}/{wrongWay.Count} = {wrongWay.HitPercent:0.0}%");
        output.WriteLine($"turn, still and panned photos (both ways asked): false accepts {stillTurn.Hits}/{stillTurn.Count} = {stillTurn.HitPercent:0.0}%");
        output.WriteLine($"blink, still and panned photos: false accepts {stillBlink.Hits}/{stillBlink.Count}; on the turning clips (no blink in them): {blinkOnTurns.Hits}/{blinkOnTurns.Count}");
        output.WriteLine($"people with a turned photo: {people.Count(p => p.Photos.Any(x => Math.Abs(x.Yaw) >= ChallengeCheck.Turned))}, of whom with a frontal one too (clips): {withClips.Count}");

        Assert.InRange(genuine.Count, 10, 1000);
        Assert.Equal(0, stillTurn.Hits);
        Assert.InRange(stillBlink.HitPercent, 0, 5);
        Assert.Equal(0, blinkOnTurns.Hits);
        Assert.InRange(wrongWay.HitPercent, 0, 5);
        Assert.InRange(genuine.MissPercent, 0, 35);
    }

    private static VideoEvidence Analyze(VideoNoteAnalyzer analyzer, byte[] clip, ChallengeKind challenge) =>
        analyzer.Analyze(clip, challenge, TestContext.Current.CancellationToken);

    private static string Yaws(VideoEvidence evidence) =>
        string.Join(' ', evidence.Frames.Select(f => float.IsNaN(f.YawProxy) ? "-" : f.YawProxy.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Eyes(VideoEvidence evidence) =>
        string.Join(' ', evidence.Frames.Select(f => float.IsNaN(f.EyesOpen) ? "-" : f.EyesOpen.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Name(Photo photo) => Path.GetFileName(photo.Path);

    // Every photo with exactly one face, with its landmark yaw proxy, grouped by person.
    private List<(string Person, List<Photo> Photos)> PhotosByPerson()
    {
        var boxes = new List<FaceBox>();
        var photos = new List<(string Person, Photo Photo)>();
        foreach (var (person, path) in TestFaces.All())
        {
            using var image = Cv2.ImRead(path);
            var face = ImageFace.Find(faces.Engine, image, boxes, faces.Options.MinFacePixels);
            if (face.Finding == FaceFinding.One)
            {
                photos.Add((person, new Photo(path, face.Landmarks!.YawProxy)));
            }
        }

        return [.. photos.GroupBy(p => p.Person).Select(g => (g.Key, g.Select(p => p.Photo).ToList()))];
    }

    private sealed record Photo(string Path, float Yaw);

    // Counts of a yes/no outcome.
    private sealed class Rate
    {
        public int Count { get; private set; }

        public int Hits { get; private set; }

        public int Misses => Count - Hits;

        public double HitPercent => Count == 0 ? 0 : 100.0 * Hits / Count;

        public double MissPercent => Count == 0 ? 0 : 100.0 * Misses / Count;

        public bool Add(bool hit)
        {
            Count++;
            Hits += hit ? 1 : 0;
            return hit;
        }
    }
}
