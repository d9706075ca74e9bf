using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;
using Rollcall.Simulation;

namespace Rollcall.Commands;

/// <summary>`rollcall bench faces`: accuracy (TAR/FAR/EER) and per-stage latency of the local face engine.</summary>
internal static class BenchCommand
{
    public static void AddTo(RootCommand root)
    {
        var bench = new Command("bench", "Measure Rollcall's engines.");
        var folder = new Option<string>("--faces") { Description = "Folder with identities.csv and people/ (default: samples/faces).", DefaultValueFactory = _ => SampleData.Faces };
        var video = new Option<string?>("--video") { Description = "A video note to time; default: a real one, 3 s of samples/videos/people/d10.mp4 at 640x640 against a later frame as its ID photo." };
        var runs = new Option<int>("--runs") { Description = "Timed runs per measurement.", DefaultValueFactory = _ => 30 };
        var videoAccuracy = new Option<bool>("--video-accuracy") { Description = "Also measure accuracy on live-like video notes made from the photos (about a minute)." };
        var liveness = new Option<bool>("--liveness") { Description = "Only BPCER/APCER on the liveness corpus made from the recordings (minutes)." };
        var recordings = new Option<string>("--recordings") { Description = "Folder of real recordings dN.mp4 (default: samples/videos/people).", DefaultValueFactory = _ => SampleData.Recordings };
        var sides = new Option<string>("--sizes") { Description = "Liveness corpus sizes in px.", DefaultValueFactory = _ => "384,640" };
        var lengths = new Option<string>("--lengths") { Description = "Liveness corpus live window lengths in s.", DefaultValueFactory = _ => "3,5,10" };
        var csv = new Option<string?>("--csv") { Description = "Write each liveness clip's decision and signals to this CSV." };
        var cache = new Option<string?>("--cache") { Description = "Keep the liveness corpus in this folder and reuse what is there (default: a temp folder, deleted)." };
        var challenge = new Option<bool>("--challenge") { Description = "Only the challenge's false rejects and false accepts on the listed action windows of the recordings (minutes)." };
        var actions = new Option<string>("--actions") { Description = "The action windows (default: samples/videos/actions.csv).", DefaultValueFactory = _ => SampleData.Actions };
        var signals = new Option<string?>("--challenge-signals") { Description = "Write every frame's challenge signals over each whole recording to this CSV." };
        var faces = new Command("faces", "Accuracy and speed of the local face engine on a labelled photo folder.") { folder, video, runs, videoAccuracy, liveness, recordings, sides, lengths, csv, cache, challenge, actions, signals };
        faces.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = FacesCommand.BuildFaces();
            var engine = provider.GetRequiredService<FaceEngine>();
            var options = provider.GetRequiredService<IOptions<FaceOptions>>().Value;
            if (parseResult.GetValue(signals) is { } signalsFile)
            {
                var signalCache = parseResult.GetValue(cache) ?? Directory.CreateTempSubdirectory("rollcall-signals-").FullName;
                await Bench.ChallengeSignals.WriteAsync(engine, options, parseResult.GetValue(recordings)!, 512, signalCache, signalsFile, cancellationToken);
                return 0;
            }

            if (parseResult.GetValue(challenge))
            {
                await Bench.ChallengeBench.RunAsync(engine, options, parseResult.GetValue(recordings)!, parseResult.GetValue(folder), parseResult.GetValue(actions)!,
                    Numbers(parseResult.GetValue(sides)!).Select(s => (int)s).ToList(), parseResult.GetValue(csv), parseResult.GetValue(cache), cancellationToken);
                return 0;
            }

            if (parseResult.GetValue(liveness))
            {
                await Bench.LivenessBench.RunAsync(engine, options, parseResult.GetValue(recordings)!, parseResult.GetValue(folder),
                    Numbers(parseResult.GetValue(sides)!).Select(s => (int)s).ToList(), Numbers(parseResult.GetValue(lengths)!), parseResult.GetValue(csv), parseResult.GetValue(cache), cancellationToken);
                return 0;
            }

            var photos = LoadPhotos(parseResult.GetValue(folder)!);
            Console.WriteLine($"# rollcall bench faces — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            Console.WriteLine($"# {photos.Count} photos of {photos.Select(p => p.Identity).Distinct().Count()} people; intra-op threads {options.IntraOpThreads}");
            var embeddings = Photos(engine, options, photos, parseResult.GetValue(runs));
            Accuracy(photos, embeddings, options.MatchThreshold);
            if (parseResult.GetValue(videoAccuracy))
            {
                Bench.VideoAccuracy.Measure(engine, options, PhotoPaths(parseResult.GetValue(folder)!), embeddings, cancellationToken);
            }

            var note = parseResult.GetValue(video) is { } given ? (await File.ReadAllBytesAsync(given, cancellationToken), null) : await MakeClipAsync(cancellationToken);
            if (note is not { } clip)
            {
                Console.WriteLine("video: skipped (ffmpeg not found; pass --video NOTE.mp4)");
                return 0;
            }

            // A given note is compared with the first photo of the folder; the default one with its own person's frame.
            var reference = clip.Photo is { } photo ? ReferenceFace.FromImage(engine, photo, options.MinFacePixels).Embedding : null;
            Videos(engine, options, clip.Note, reference ?? embeddings.First(e => e is not null)!, parseResult.GetValue(runs), cancellationToken);
            return 0;
        });
        bench.Subcommands.Add(faces);
        bench.Subcommands.Add(Bench.ClassBenchCommand.Create());
        bench.Subcommands.Add(Bench.TermBenchCommand.Create());
        root.Subcommands.Add(bench);
    }

    private static List<(string Identity, byte[] Bytes)> LoadPhotos(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "identities.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (p[0], File.ReadAllBytes(Path.Combine(folder, "people", p[0], p[1]))))];

    private static List<(string Identity, string Path)> PhotoPaths(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "identities.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (p[0], Path.Combine(folder, "people", p[0], p[1])))];

    private static float[]?[] Photos(FaceEngine engine, FaceOptions options, List<(string Identity, byte[] Bytes)> photos, int runs)
    {
        var stages = new[] { "decode", "detect", "landmarks", "align+embed", "liveness", "total" };
        var times = stages.ToDictionary(s => s, _ => new List<double>());
        var embeddings = new float[]?[photos.Count];
        var notOne = 0;
        var boxes = new List<FaceBox>();
        for (var i = 0; i < photos.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var image = Cv2.ImDecode(photos[i].Bytes, ImreadModes.Color);
            var t0 = clock.Elapsed.TotalMilliseconds;
            engine.Detect(image, boxes);
            var t1 = clock.Elapsed.TotalMilliseconds;
            var face = ImageFace.Decide(boxes, options.MinFacePixels);
            notOne += face.Finding == FaceFinding.One ? 0 : 1;
            if (boxes.Count == 0)
            {
                continue;
            }

            // Accuracy uses the highest-scoring face even where the photo has a second one, as spec/face-models.md did.
            var landmarks = engine.Landmarks(image, boxes[0]);
            var t2 = clock.Elapsed.TotalMilliseconds;
            var embedding = new float[FaceEngine.EmbeddingSize];
            embeddings[i] = engine.Embed(image, landmarks, embedding) ? embedding : null;
            var t3 = clock.Elapsed.TotalMilliseconds;
            engine.Liveness(image, boxes[0]);
            var t4 = clock.Elapsed.TotalMilliseconds;
            double[] values = [t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4];
            for (var s = 0; s < stages.Length; s++)
            {
                times[stages[s]].Add(values[s]);
            }
        }

        Console.WriteLine($"failure to detect (not exactly one face): {notOne}/{photos.Count} = {100.0 * notOne / photos.Count:0.0}%; no face at all: {embeddings.Count(e => e is null)}");
        Console.WriteLine("photo, one thread (ms)      " + string.Join("  ", stages.Select(s => $"{s} {Median(times[s]):0.0}/{P95(times[s]):0.0}")) + "   (median/p95)");
        var clock2 = Stopwatch.StartNew();
        var n = photos.Count * Math.Max(1, runs / 10);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var r = ReferenceFace.FromImage(engine, photos[i % photos.Count].Bytes, options.MinFacePixels);
            GC.KeepAlive(r);
        });
        Console.WriteLine($"photo → embedding, all {Environment.ProcessorCount} cores: {n / clock2.Elapsed.TotalSeconds:0.0} photos/s");
        return embeddings;
    }

    private static void Accuracy(List<(string Identity, byte[] Bytes)> photos, float[]?[] embeddings, double threshold)
    {
        var genuine = new List<double>();
        var impostor = new List<double>();
        for (var i = 0; i < photos.Count; i++)
        {
            for (var j = i + 1; j < photos.Count; j++)
            {
                if (embeddings[i] is { } a && embeddings[j] is { } b)
                {
                    (photos[i].Identity == photos[j].Identity ? genuine : impostor).Add(SimilarityScale.Score(a, b));
                }
            }
        }

        genuine.Sort();
        impostor.Sort();
        Console.WriteLine($"pairs: {genuine.Count} genuine, {impostor.Count} impostor; similarity (0-100) median genuine {Median(genuine):0.0}, impostor {Median(impostor):0.0}; max impostor {impostor[^1]:0.0}, min genuine {genuine[0]:0.0}");
        foreach (var far in new[] { 0.01, 0.001 })
        {
            // The lowest threshold whose false accept rate stays within the target.
            var allowed = (int)Math.Floor(far * impostor.Count);
            var cut = impostor[impostor.Count - 1 - allowed];
            var tar = genuine.Count(g => g > cut) / (double)genuine.Count;
            Console.WriteLine($"TAR at FAR {far * 100:0.0#}%: {tar * 100:0.0}% (threshold {cut:0.0})");
        }

        var eer = 1.0;
        foreach (var t in genuine.Concat(impostor))
        {
            var frr = genuine.Count(g => g < t) / (double)genuine.Count;
            var fa = impostor.Count(s => s >= t) / (double)impostor.Count;
            eer = Math.Min(eer, Math.Max(frr, fa));
        }

        Console.WriteLine($"EER: {eer * 100:0.00}%");
        Console.WriteLine($"at FACE_MATCH_THRESHOLD={threshold}: TAR {100.0 * genuine.Count(g => g >= threshold) / genuine.Count:0.0}%, FAR {100.0 * impostor.Count(s => s >= threshold) / impostor.Count:0.00}%");
        Console.WriteLine(ReviewBandEffect(genuine, impostor, threshold));
    }

    /// <summary>What REVIEW_BAND does on these pairs: genuine failures it hands to the teacher, impostors the teacher must reject.</summary>
    internal static string ReviewBandEffect(List<double> genuine, List<double> impostor, double threshold)
    {
        var parts = new[] { 5.0, 10.0, 15.0 }.Select(band =>
        {
            var failed = genuine.Count(g => g < threshold);
            var rescued = genuine.Count(g => g < threshold && g >= threshold - band);
            var grey = impostor.Count(s => s < threshold && s >= threshold - band);
            return $"band {band:0}: {rescued} of {failed} genuine failures to the teacher, {grey} impostor pairs ({100.0 * grey / impostor.Count:0.00}%) to reject";
        });
        return "REVIEW_BAND on these pairs: " + string.Join("; ", parts);
    }

    private static void Videos(FaceEngine engine, FaceOptions options, byte[] clip, float[] reference, int runs, CancellationToken cancellationToken)
    {
        var analyzer = new VideoNoteAnalyzer(engine, options);
        FaceCheck? last = null;
        VideoEvidence Once()
        {
            var e = analyzer.Analyze(clip, Challenge.None, cancellationToken);
            last = FaceDecision.Decide(e, reference, Challenge.None, options);
            return e;
        }

        Once();
        var single = new List<StageTimes>();
        var totals = new List<double>();
        var cpu = CpuClock.Now();
        var children = CpuClock.OfChildren();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            single.Add(Once().Times);
            totals.Add(clock.Elapsed.TotalMilliseconds);
        }

        // CPU time per note is steadier than wall time on a shared machine; it counts every thread and the decoder child.
        var cpuMs = (CpuClock.Now() - cpu).TotalMilliseconds / runs;
        var decoderMs = (CpuClock.OfChildren() - children).TotalMilliseconds / runs;
        Console.WriteLine($"video note: {clip.Length / 1024} KiB; decision on it: {last?.GetType().Name} (similarity {last?.Similarity:0.0}); CPU {cpuMs:0.0} ms per note (all threads, {decoderMs:0.0} of it in the decoder children)");
        Console.WriteLine($"video, one at a time (ms)  decode {Median(single.Select(t => t.DecodeMs)):0.0}/{P95(single.Select(t => t.DecodeMs)):0.0}  detect+landmarks {Median(single.Select(t => t.DetectMs)):0.0}/{P95(single.Select(t => t.DetectMs)):0.0}  embed {Median(single.Select(t => t.EmbedMs)):0.0}/{P95(single.Select(t => t.EmbedMs)):0.0}  liveness {Median(single.Select(t => t.LivenessMs)):0.0}/{P95(single.Select(t => t.LivenessMs)):0.0}  total {Median(totals):0.0}/{P95(totals):0.0}   (median/p95)");
        var parallelTotals = new double[runs * 2];
        var all = Stopwatch.StartNew();
        Parallel.For(0, parallelTotals.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var clock = Stopwatch.StartNew();
            Once();
            parallelTotals[i] = clock.Elapsed.TotalMilliseconds;
        });
        Console.WriteLine($"video, {Environment.ProcessorCount} at a time (all cores): latency {Median(parallelTotals):0.0}/{P95(parallelTotals):0.0} ms, throughput {parallelTotals.Length / all.Elapsed.TotalSeconds:0.0} verifications/s (vs {1000 / Median(totals):0.0}/s one at a time)");
    }

    /// <summary>The default note: a real one, 3 s of d10 (who moves) at 640x640 as a phone sends it, and its ID photo (a later frame).</summary>
    private static async Task<(byte[] Note, byte[]? Photo)?> MakeClipAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rollcall-bench-").FullName;
        try
        {
            var clip = await new Simulation.Clips.LivenessCorpus(SampleData.Recordings, null, folder).WindowAsync("d10", 3, 3, 640, cancellationToken);
            return (await File.ReadAllBytesAsync(clip.Path, cancellationToken), await File.ReadAllBytesAsync(clip.Reference, cancellationToken));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<double> Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];

    private static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    private static double P95(IEnumerable<double> values) => Quantile(values, 0.95);

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Round(q * (sorted.Length - 1)))];
    }
}
