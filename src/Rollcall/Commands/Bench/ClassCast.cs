using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>The enrolled faces of the class bench: six people of samples/faces, each with a small pool of clips.</summary>
internal static class ClassCast
{
    public const string TeacherName = "Dr Load";
    public const string TeacherPhone = "+91 90000 00001";
    public const string TeacherEmail = "load@school.example";
    public const string MentorId = "M-LOAD";
    public const string Campus = "Main Campus";
    public const double Latitude = 12.97160;
    public const double Longitude = 77.59460;

    /// <summary>Where students stand: 13 m north of the teacher, inside the 50 m fence.</summary>
    public static (double Latitude, double Longitude) InRoom => (Latitude + 0.00012, Longitude);

    /// <summary>A person of samples/faces: the enrolled photo and the photos its clips are made from.</summary>
    public sealed record Person(string Folder, string EnrolledPhoto, string[] OtherPhotos);

    public static readonly Person[] People =
    [
        new("person01", "img1.jpg", ["img2.jpg", "img6.jpg"]),
        new("person02", "img3.jpg", ["img55.jpg", "img53.jpg"]),
        new("person03", "img8.jpg", ["img9.jpg", "img47.jpg"]),
        new("person04", "img13.jpg", ["img14.jpg", "img15.jpg"]),
        new("person05", "img62.jpg", ["img17.jpg", "img59.jpg"]),
        new("person10", "img26.jpg", ["img27.jpg", "img28.jpg"]),
    ];

    public static string EnrolledPhoto(string faces, int person) =>
        Path.Combine(faces, "people", People[person].Folder, People[person].EnrolledPhoto);

    /// <summary>People of samples/videos/people who move while they record (the still-sitters d0, d9, d18, d19 would be refused).</summary>
    public static readonly string[] Recordings = ["d6", "d10", "d14", "d3", "d13", "d11"];

    /// <summary>
    /// Real notes as a phone sends them: 640x640 windows of 5 to 15 s from the start of each person's recording, and the ID photo,
    /// a frame from its far end: (photos[person], clips[person][variant]).
    /// </summary>
    public static async Task<(byte[][] Photos, byte[][][] Clips)> RealNotesAsync(string folder, int people, int perPerson, CancellationToken cancellationToken)
    {
        var corpus = new LivenessCorpus(Simulation.SampleData.Recordings, null, folder);
        var photos = new byte[people][];
        var clips = new byte[people][][];
        for (var p = 0; p < people; p++)
        {
            var duration = Faces.Video.Mp4Container.Read(await File.ReadAllBytesAsync(Path.Combine(Simulation.SampleData.Recordings, Recordings[p] + ".mp4"), cancellationToken)).Track!.Seconds;
            clips[p] = new byte[perPerson][];
            for (var v = 0; v < perPerson; v++)
            {
                var seconds = Math.Min(5 + (10.0 * v / Math.Max(1, perPerson - 1)), Math.Floor(duration) - 1);
                var note = await corpus.WindowAsync(Recordings[p], 0, seconds, 640, cancellationToken);
                clips[p][v] = await File.ReadAllBytesAsync(note.Path, cancellationToken);
                photos[p] ??= await File.ReadAllBytesAsync(note.Reference, cancellationToken);
            }
        }

        return (photos, clips);
    }

    /// <summary>Live-like clips of each person from the photos not enrolled: [person][variant].</summary>
    public static byte[][][] Clips(SyntheticClips maker, string faces, int people, int perPerson) =>
        [.. People.Take(people).Select(p =>
        {
            var photos = p.OtherPhotos.Select(f => Path.Combine(faces, "people", p.Folder, f)).ToList();
            return Enumerable.Range(0, perPerson).Select(v => maker.LiveLike(photos, 2.7 - (0.3 * v))).ToArray();
        })];
}
