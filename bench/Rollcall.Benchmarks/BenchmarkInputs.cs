using System.Diagnostics;
using Rollcall.Faces.Onnx;
using Rollcall.Simulation;

namespace Rollcall.Benchmarks;

/// <summary>The models, a photo and a video note for the benchmarks, found from the repository (models/ and samples/faces).</summary>
internal static class BenchmarkInputs
{
    public static FaceEngine Engine() =>
        new(FaceEngine.FindModelsDirectory(null) ?? throw new InvalidOperationException("models not found: run `bash scripts/fetch-models.sh`"));

    /// <summary>ROLLCALL_FACES, else the repository's samples/faces.</summary>
    public static string FacesFolder() =>
        Environment.GetEnvironmentVariable("ROLLCALL_FACES") is { Length: > 0 } configured ? configured : SampleData.Faces;

    public static byte[] Photo(string person = "person01", string file = "img2.jpg") =>
        File.ReadAllBytes(Path.Combine(FacesFolder(), "people", person, file));

    /// <summary>A 384x384, 30 fps, 2.8 s H.264 note cross-fading three photos of one person (what `rollcall bench faces` times).</summary>
    public static byte[] VideoNote()
    {
        var folder = Directory.CreateTempSubdirectory("rollcall-benchmarks-").FullName;
        try
        {
            string[] photos = ["img1.jpg", "img2.jpg", "img4.jpg"];
            for (var i = 0; i < photos.Length; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"{i}.jpg"), Photo("person01", photos[i]));
            }

            const string Fit = "scale=384:384:force_original_aspect_ratio=decrease,pad=384:384:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,format=yuv420p";
            var arguments = "-hide_banner -loglevel error -nostdin -loop 1 -t 1.3 -i 0.jpg -loop 1 -t 1.3 -i 1.jpg -loop 1 -t 1.3 -i 2.jpg " +
                $"-filter_complex \"[0]{Fit}[a];[1]{Fit}[b];[2]{Fit}[c];[a][b]xfade=duration=0.4:offset=0.9[ab];[ab][c]xfade=duration=0.4:offset=1.8[v]\" " +
                "-map [v] -c:v libx264 -preset veryfast -pix_fmt yuv420p -an -y note.mp4";
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
            ffmpeg.WaitForExit();
            return ffmpeg.ExitCode == 0 ? File.ReadAllBytes(Path.Combine(folder, "note.mp4")) : throw new InvalidOperationException("ffmpeg failed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
