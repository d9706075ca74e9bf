using System.Globalization;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Commands.Bench;

/// <summary>`rollcall bench faces --challenge-signals FILE`: every frame's challenge signals over each whole recording, for calibration.</summary>
internal static class ChallengeSignals
{
    // Chunks short enough that every frame of one fits in a decoder's request.
    private const double Chunk = 2;

    public static async Task WriteAsync(FaceEngine engine, FaceOptions options, string recordings, int side, string cache, string file, CancellationToken cancellationToken)
    {
        var analyzer = new VideoNoteAnalyzer(engine, options, trackingFps: 60);
        var corpus = new Simulation.Clips.LivenessCorpus(recordings, null, cache);
        var rows = new List<string> { "recording,frame,seconds,eyes_open,eye_aspect,mouth_open,mouth_width,corner_drop" };
        foreach (var path in Directory.GetFiles(recordings, "*.mp4").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var track = Mp4Container.Read(await File.ReadAllBytesAsync(path, cancellationToken)).Track!;
            for (var start = 0.0; start < track.Seconds - 1; start += Chunk)
            {
                var clip = await corpus.WindowAsync(name, start, Math.Min(Chunk, track.Seconds - start), side, cancellationToken);
                var evidence = analyzer.Analyze(await File.ReadAllBytesAsync(clip.Path, cancellationToken), new Challenge(ChallengeAction.Blink, ChallengeAction.Smile), cancellationToken);
                if (evidence.Rejection is not null)
                {
                    Console.WriteLine($"{name} {start:0.#} s: {evidence.Rejection}");
                }

                // The corpus re-encodes at 30 fps.
                rows.AddRange(evidence.Signals.Select(s => string.Join(',', name, s.Index, F(start + (s.Index / 30.0)), F(s.EyesOpen), F(s.EyeAspect), F(s.MouthOpen), F(s.MouthWidth), F(s.CornerDrop))));
            }
        }

        await File.WriteAllLinesAsync(file, rows, cancellationToken);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
