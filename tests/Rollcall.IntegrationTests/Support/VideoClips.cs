using System.Collections.Concurrent;
using System.Diagnostics;
using OpenCvSharp;

namespace Rollcall.IntegrationTests.Support;

/// <summary>
/// Synthetic video notes made at test time with ffmpeg from samples/faces, cached for the run in one temp folder.
/// They are not recordings of people: "live-like" clips cross-fade photos of one person with small jitter, replays loop one photo.
/// </summary>
public sealed class VideoClips(FacesFixture faces) : IDisposable
{
    public const int Side = 384;
    private readonly string folder = Directory.CreateTempSubdirectory("rollcall-clips-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> made = new();

    public static bool HasFfmpeg { get; } = Which("ffmpeg");

    /// <summary>One photo held still: a photo replayed to the camera.</summary>
    public Task<byte[]> StillAsync(string photo, double seconds = 2.5) =>
        MakeAsync($"still-{Key(photo)}-{seconds}", async path =>
        {
            var crop = FaceCrop(photo, Side);
            await FfmpegAsync($"-loop 1 -framerate 30 -i {crop} -t {seconds} {Encode} {path}");
        });

    /// <summary>One photo slowly panned, zoomed and rotated: a replay with a moving phone.</summary>
    public Task<byte[]> PannedAsync(string photo) =>
        MakeAsync($"panned-{Key(photo)}", async path =>
        {
            var crop = FaceCrop(photo, 480);
            await FfmpegAsync($"-loop 1 -framerate 30 -i {crop} -t 2.5 -vf \"rotate='0.04*sin(2*t)',zoompan=z='1.15+0.05*sin(on/20)':x='(iw-iw/zoom)/2+14*sin(on/13)':y='(ih-ih/zoom)/2+9*sin(on/17)':d=1:s={Side}x{Side}:fps=30\" {Encode} {path}");
        });

    /// <summary>Photos of one person cross-faded with small jitter: non-rigid change like a live face (synthetic).</summary>
    public Task<byte[]> LiveLikeAsync(params string[] photos) =>
        MakeAsync($"live-{string.Join('-', photos.Select(Key))}", async path =>
        {
            var crops = photos.Select(p => FaceCrop(p, 420)).ToArray();
            var inputs = string.Join(' ', crops.Select(c => $"-loop 1 -framerate 30 -t 1.3 -i {c}"));
            var graph = new List<string>();
            for (var i = 0; i < crops.Length; i++)
            {
                graph.Add($"[{i}]zoompan=z=1.08:x='(iw-iw/zoom)/2+6*sin(on/5+{i})':y='(ih-ih/zoom)/2+4*sin(on/7+{i})':d=1:s={Side}x{Side}:fps=30,format=yuv420p[v{i}]");
            }

            var last = "v0";
            for (var i = 1; i < crops.Length; i++)
            {
                var offset = (0.9 * i).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                graph.Add($"[{last}][v{i}]xfade=transition=fade:duration=0.4:offset={offset}[x{i}]");
                last = $"x{i}";
            }

            await FfmpegAsync($"{inputs} -filter_complex \"{string.Join(';', graph)}\" -map [{last}] {Encode} {path}");
        });

    /// <summary>A whole picture (a scene) padded into a square clip, optionally shrunk first.</summary>
    public Task<byte[]> SceneAsync(string picture, int scaledSide = Side) =>
        MakeAsync($"scene-{Key(picture)}-{scaledSide}", path => FfmpegAsync(
            $"-loop 1 -framerate 30 -i {picture} -t 2 -vf \"scale={scaledSide}:{scaledSide}:force_original_aspect_ratio=decrease,pad={Side}:{Side}:(ow-iw)/2:(oh-ih)/2,setsar=1\" {Encode} {path}"));

    /// <summary>A grey test pattern without any face.</summary>
    public Task<byte[]> NoFaceAsync() =>
        MakeAsync("noface", path => FfmpegAsync($"-f lavfi -i \"testsrc=size={Side}x{Side}:rate=30:duration=2\" {Encode} {path}"));

    /// <summary>Any clip ffmpeg can make: its arguments, then the output path (for crafted, hostile files).</summary>
    public Task<byte[]> CraftAsync(string name, string arguments) =>
        MakeAsync(name, path => FfmpegAsync($"{arguments} -y {path}"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder eventually.
        }
    }

    private static string Encode => "-c:v libx264 -preset veryfast -pix_fmt yuv420p -r 30 -an -y";

    private async Task<byte[]> MakeAsync(string name, Func<string, Task> make)
    {
        FacesFixture.Require(HasFfmpeg, "ffmpeg not found: apt-get install ffmpeg");
        var path = await made.GetOrAdd(name, n => new Lazy<Task<string>>(async () =>
        {
            var file = Path.Combine(folder, n + ".mp4");
            await make(file);
            return file;
        })).Value;
        return await File.ReadAllBytesAsync(path);
    }

    // A square crop centred on the face (2.2x its height), so cross-faded faces overlap.
    private string FaceCrop(string photo, int side)
    {
        var file = Path.Combine(folder, $"crop-{Key(photo)}-{side}.png");
        if (File.Exists(file))
        {
            return file;
        }

        using var image = Cv2.ImRead(photo);
        var boxes = new List<Rollcall.Faces.Onnx.FaceBox>();
        faces.Engine.Detect(image, boxes);
        var box = boxes[0];
        var half = (int)(box.Height * 1.1f);
        var cx = (int)box.CenterX;
        var cy = (int)box.CenterY;
        using var padded = new Mat();
        Cv2.CopyMakeBorder(image, padded, half, half, half, half, BorderTypes.Replicate);
        using var roi = new Mat(padded, new Rect(cx, cy, 2 * half, 2 * half));
        using var resized = new Mat();
        Cv2.Resize(roi, resized, new Size(side, side), 0, 0, InterpolationFlags.Area);
        var temp = file + $".{Guid.NewGuid():N}.png";
        Cv2.ImWrite(temp, resized);
        File.Move(temp, file, overwrite: true);
        return file;
    }

    private static string Key(string path) => Path.GetFileNameWithoutExtension(path);

    private static async Task FfmpegAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -loglevel error -nostdin " + arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {errors}");
        }
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
