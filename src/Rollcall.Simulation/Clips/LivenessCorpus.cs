using System.Globalization;
using Rollcall.Faces.Video;

namespace Rollcall.Simulation.Clips;

/// <summary>One clip of the liveness corpus: a live window of a real recording, or an attack made from a person's frame or photo.</summary>
/// <param name="Kind">"live" or an attack: still, noise, pan, rotate, wobble (photo replays) or screen (a live window on a screen).</param>
/// <param name="Person">Who is in it: a recording (d6) or a photo folder (person05).</param>
/// <param name="Reference">The ID photo to compare with (a PNG or JPEG path).</param>
public sealed record CorpusClip(string Kind, string Person, int Side, double Seconds, bool Mirrored, string Source, string Path, string Reference)
{
    public bool IsLive => Kind == "live";

    /// <summary>Photo replays are the passive decision's job; a replayed video (screen) is the challenge's.</summary>
    public bool IsPhotoReplay => Kind is not ("live" or "screen");

    public override string ToString() => $"{Kind} {Person} {Source} {Side}px {Seconds:0.#}s{(Mirrored ? " mirrored" : "")}";
}

/// <summary>
/// The liveness corpus of issue 13, made at run time with ffmpeg from the real recordings (every window of each length, square,
/// 384 and 640 px, H.264 as a phone sends it: main profile, no B-frames, a key frame a second; each also mirrored) and attacks made
/// from the same people's frames and from the photo folder. Clips are cached in one folder.
/// </summary>
public sealed class LivenessCorpus(string recordings, string? photos, string cache)
{
    public const string PhoneH264 = "-c:v libx264 -preset veryfast -profile:v main -bf 0 -g 30 -pix_fmt yuv420p -r 30 -an";

    public static readonly string[] PhotoAttacks = ["still", "noise", "pan", "rotate", "wobble"];

    /// <summary>Live windows: every <paramref name="seconds"/>-long window of every recording, back to back from its start.</summary>
    public async Task<List<CorpusClip>> LiveAsync(IReadOnlyList<int> sides, double seconds, bool mirrored, CancellationToken cancellationToken)
    {
        var clips = new List<CorpusClip>();
        foreach (var (person, path, track) in Recordings())
        {
            for (var start = 0.0; start + seconds <= track.Seconds + 0.05; start += seconds)
            {
                foreach (var side in sides)
                {
                    foreach (var flip in mirrored ? new[] { false, true } : [false])
                    {
                        clips.Add(await WindowAsync(person, path, track, start, seconds, side, flip, cancellationToken));
                    }
                }
            }
        }

        return clips;
    }

    /// <summary>One live window of one recording (dN), as a phone would send it, with its ID photo from the recording's other end.</summary>
    public async Task<CorpusClip> WindowAsync(string person, double start, double seconds, int side, CancellationToken cancellationToken, bool mirrored = false)
    {
        var (_, path, track) = Recordings().Single(r => r.Person == person);
        return await WindowAsync(person, path, track, start, seconds, side, mirrored, cancellationToken);
    }

    /// <summary>Two clips of the same size played one after the other, as one note (re-encoded as a phone sends it).</summary>
    public async Task<string> JoinAsync(string name, string first, string second, CancellationToken cancellationToken) =>
        await MakeAsync(name, $"-i {first} -i {second} -filter_complex \"[0:v][1:v]concat=n=2:v=1:a=0[v]\" -map \"[v]\" {PhoneH264}", cancellationToken);

    private async Task<CorpusClip> WindowAsync(string person, string path, VideoTrack track, double start, double seconds, int side, bool flip, CancellationToken cancellationToken)
    {
        var reference = await FrameAsync(path, person, IdTime(track.Seconds, start, seconds), cancellationToken);
        var name = $"live-{person}-{F(start)}-{F(seconds)}-{side}{(flip ? "-m" : "")}";
        var vf = $"crop='min(iw,ih)':'min(iw,ih)',scale={side}:{side},setsar=1{(flip ? ",hflip" : "")}";
        var clip = await MakeAsync(name, $"-ss {F(start)} -t {F(seconds)} -i {path} -vf \"{vf}\" {PhoneH264}", cancellationToken);
        return new CorpusClip("live", person, side, seconds, flip, $"{F(start)}s", clip, reference);
    }

    /// <summary>Photo replays of each person's own frame (its ID photo is another frame), and a screen replay of a live window.</summary>
    public async Task<List<CorpusClip>> AttacksAsync(IReadOnlyList<int> sides, IReadOnlyList<string> kinds, CancellationToken cancellationToken, bool mirrored = false)
    {
        var clips = await AttacksAsync(sides, kinds, "", cancellationToken);
        return mirrored ? [.. clips, .. await AttacksAsync(sides, kinds, ",hflip", cancellationToken)] : clips;
    }

    private async Task<List<CorpusClip>> AttacksAsync(IReadOnlyList<int> sides, IReadOnlyList<string> kinds, string flip, CancellationToken cancellationToken)
    {
        var m = flip.Length > 0 ? "-m" : "";
        var clips = new List<CorpusClip>();
        foreach (var (person, path, track) in Recordings())
        {
            var reference = await FrameAsync(path, person, track.Seconds - 0.5, cancellationToken);
            var photo = await FrameAsync(path, person, Math.Min(1.0, track.Seconds / 3), cancellationToken);
            foreach (var side in sides)
            {
                foreach (var kind in kinds)
                {
                    var made = kind == "screen"
                        ? await MakeAsync($"screen-{person}-{side}{m}", $"-t 3 -i {path} -filter_complex \"{Screen(side)}{flip}\" {PhoneH264}", cancellationToken)
                        : await MakeAsync($"{kind}-{person}-{side}{m}", $"-loop 1 -framerate 30 -t 3 -i {photo} -vf \"{PhotoReplay(kind, side)}{flip}\" {PhoneH264}", cancellationToken);
                    clips.Add(new CorpusClip(kind, person, side, 3, m.Length > 0, kind == "screen" ? "0s" : "frame", made, reference));
                }
            }
        }

        foreach (var (person, photo, reference) in PhotoPairs())
        {
            foreach (var side in sides)
            {
                foreach (var kind in kinds.Where(k => k != "screen"))
                {
                    var crop = $"crop='min(iw,ih)':'min(iw,ih)',scale=720:720,setsar=1";
                    var made = await MakeAsync($"{kind}-{person}-{System.IO.Path.GetFileNameWithoutExtension(photo)}-{side}{m}",
                        $"-loop 1 -framerate 30 -t 3 -i {photo} -vf \"{crop},{PhotoReplay(kind, side)}{flip}\" {PhoneH264}", cancellationToken);
                    clips.Add(new CorpusClip(kind, person, side, 3, m.Length > 0, System.IO.Path.GetFileName(photo), made, reference));
                }
            }
        }

        return clips;
    }

    /// <summary>The ffmpeg filter for a photo held to the camera in the given way, at the given size.</summary>
    public static string PhotoReplay(string kind, int side) => kind switch
    {
        "still" => $"scale={side}:{side}",
        "noise" => $"scale={side}:{side},noise=alls=10:allf=t+u",
        "pan" => $"zoompan=z='1.12+0.05*sin(on/25)':x='(iw-iw/zoom)/2+14*sin(on/17)':y='(ih-ih/zoom)/2+9*sin(on/23)':d=1:s={side}x{side}:fps=30",
        "rotate" => $"scale={side * 6 / 5}:{side * 6 / 5},rotate='0.07*sin(2*PI*t/2.5)',crop={side}:{side}",
        "wobble" => $"scale={side}:{side},perspective=x0='14*sin(on/9)':y0='10*sin(on/13)':x1='W-12*sin(on/11)':y1='9*sin(on/7)':" +
            $"x2='11*sin(on/12)':y2='H-10*sin(on/10)':x3='W-13*sin(on/8)':y3='H-12*sin(on/14)':eval=frame",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // A live recording shown on a screen and filmed: smaller inside a dark bezel, less contrast, a glare spot and moiré stripes.
    private static string Screen(int side)
    {
        var inner = side * 18 / 25;
        return $"[0]crop='min(iw,ih)':'min(iw,ih)',scale={inner}:{inner},eq=contrast=0.75:brightness=0.04:saturation=0.8[s];" +
            $"color=c=0x141414:s={side}x{side}:r=30[bg];[bg][s]overlay=(W-w)/2:(H-h)/2:shortest=1,format=yuv420p," +
            "geq=lum='clip(lum(X,Y)*(0.92+0.08*sin(X*2.1+Y*0.6))+70*exp(-(pow(X-W*0.68,2)+pow(Y-H*0.3,2))/(2*pow(W/7,2))),0,255)':cb='cb(X,Y)':cr='cr(X,Y)'";
    }

    // The ID photo comes from a different part of the recording than the window: its far end.
    private static double IdTime(double duration, double start, double seconds) =>
        start + (seconds / 2) < duration / 2 ? Math.Max(0, duration - 0.5) : 0.5;

    private IEnumerable<(string Person, string Path, VideoTrack Track)> Recordings()
    {
        foreach (var path in Directory.GetFiles(recordings, "*.mp4").Order(StringComparer.Ordinal))
        {
            var track = Mp4Container.Read(File.ReadAllBytes(path)).Track;
            if (track is not null)
            {
                yield return (System.IO.Path.GetFileNameWithoutExtension(path), path, track);
            }
        }
    }

    // The first photo of each person with two or more, against the person's second photo as the ID photo.
    private IEnumerable<(string Person, string Photo, string Reference)> PhotoPairs()
    {
        if (photos is null)
        {
            yield break;
        }

        var rows = File.ReadLines(System.IO.Path.Combine(photos, "identities.csv")).Skip(1).Select(l => l.Split(','))
            .Select(p => (Person: p[0], Path: System.IO.Path.Combine(photos, "people", p[0], p[1]))).GroupBy(r => r.Person);
        foreach (var person in rows)
        {
            var own = person.ToList();
            if (own.Count >= 2)
            {
                yield return (person.Key, own[0].Path, own[1].Path);
            }
        }
    }

    private async Task<string> FrameAsync(string recording, string person, double at, CancellationToken cancellationToken) =>
        await MakeAsync($"frame-{person}-{F(at)}", $"-ss {F(at)} -i {recording} -frames:v 1 -vf \"crop='min(iw,ih)':'min(iw,ih)',setsar=1\"", cancellationToken, ".png");

    private async Task<string> MakeAsync(string name, string arguments, CancellationToken cancellationToken, string extension = ".mp4")
    {
        var path = System.IO.Path.Combine(cache, name + extension);
        if (!File.Exists(path))
        {
            var temp = System.IO.Path.Combine(cache, $"{name}.{Guid.NewGuid():N}{extension}");
            await Ffmpeg.RunAsync($"{arguments} -y {temp}", cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
