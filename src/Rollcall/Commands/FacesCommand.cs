using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Faces.Video;

namespace Rollcall.Commands;

/// <summary>`rollcall faces verify|score`: the local face engine on files, without the bots.</summary>
internal static class FacesCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void AddTo(RootCommand root)
    {
        var faces = new Command("faces", "Verify faces in photos and video notes with the local models.");
        faces.Subcommands.Add(Verify());
        faces.Subcommands.Add(Score());
        root.Subcommands.Add(faces);
    }

    /// <summary>The engine and options from the environment (FACE_* variables), as the bot builds them.</summary>
    internal static ServiceProvider BuildFaces()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddFaces(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static Command Verify()
    {
        var photo = new Option<string>("--photo") { Required = true, Description = "The enrolled ID photo (JPEG or PNG)." };
        var video = new Option<string>("--video") { Required = true, Description = "The video note (MP4)." };
        var challenge = new Option<string>("--challenge") { Description = "The two actions asked for in the clip, in order: blink, smile, openmouth (e.g. blink,smile).", DefaultValueFactory = _ => "none" };
        var command = new Command("verify", "Compare the face in a video note with an ID photo; prints one JSON object.") { photo, video, challenge };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = BuildFaces();
            var engine = provider.GetRequiredService<FaceEngine>();
            var options = provider.GetRequiredService<IOptions<FaceOptions>>().Value;
            var photoBytes = await File.ReadAllBytesAsync(parseResult.GetValue(photo)!, cancellationToken);
            var videoBytes = await File.ReadAllBytesAsync(parseResult.GetValue(video)!, cancellationToken);
            var kind = Challenge.Parse(parseResult.GetValue(challenge));

            var clock = Stopwatch.StartNew();
            var reference = ReferenceFace.FromImage(engine, photoBytes, options.MinFacePixels);
            var referenceMs = clock.Elapsed.TotalMilliseconds;
            var evidence = new VideoNoteAnalyzer(engine, options).Analyze(videoBytes, kind, cancellationToken);
            var check = reference.Embedding is null ? new FaceCheck.BadPhoto(reference.Failure!) : FaceDecision.Decide(evidence, reference.Embedding, kind, options);
            var result = new
            {
                decision = check.GetType().Name,
                detail = check.ToString(),
                similarity = check.Similarity,
                liveness = new { passive = evidence.PassiveLiveness, motion = evidence.Motion.Score, landmarkResidual = evidence.Motion.LandmarkResidual, required = options.LivenessRequired },
                framesUsed = evidence.Embeddings.Count,
                facesPerFrame = evidence.Frames.Select(f => f.FaceCount).ToArray(),
                elapsedMs = new
                {
                    reference = Math.Round(referenceMs, 1),
                    decode = Math.Round(evidence.Times.DecodeMs, 1),
                    detect = Math.Round(evidence.Times.DetectMs, 1),
                    embed = Math.Round(evidence.Times.EmbedMs, 1),
                    liveness = Math.Round(evidence.Times.LivenessMs, 1),
                    total = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
                },
            };
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return 0;
        });
        return command;
    }

    private static Command Score()
    {
        var pairs = new Option<string>("--pairs") { Required = true, Description = "CSV of `reference,probe` lines (image or video paths)." };
        var command = new Command("score", "Print `reference,probe,similarity` for each pair, using all cores.") { pairs };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var provider = BuildFaces();
            var engine = provider.GetRequiredService<FaceEngine>();
            var options = provider.GetRequiredService<IOptions<FaceOptions>>().Value;
            var lines = (await File.ReadAllLinesAsync(parseResult.GetValue(pairs)!, cancellationToken))
                .Select(l => l.Split(',', 2, StringSplitOptions.TrimEntries))
                .Where(p => p.Length == 2 && p[0].Length > 0 && !p[0].Equals("reference", StringComparison.OrdinalIgnoreCase))
                .ToList();
            var probes = new ConcurrentDictionary<string, Lazy<FaceProbe>>();
            FaceProbe Probe(string path) => probes.GetOrAdd(path, p => new Lazy<FaceProbe>(() => FaceProbe.FromFile(engine, options, p, cancellationToken))).Value;
            var scores = new double?[lines.Count];
            Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
                scores[i] = Probe(lines[i][0]).SimilarityTo(Probe(lines[i][1])));
            for (var i = 0; i < lines.Count; i++)
            {
                Console.WriteLine($"{lines[i][0]},{lines[i][1]},{scores[i]?.ToString("0.0", CultureInfo.InvariantCulture)}");
            }

            return 0;
        });
        return command;
    }
}
