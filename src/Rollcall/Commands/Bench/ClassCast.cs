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

    /// <summary>Live-like clips of each person from the photos not enrolled: [person][variant].</summary>
    public static byte[][][] Clips(SyntheticClips maker, string faces, int people, int perPerson) =>
        [.. People.Take(people).Select(p =>
        {
            var photos = p.OtherPhotos.Select(f => Path.Combine(faces, "people", p.Folder, f)).ToList();
            return Enumerable.Range(0, perPerson).Select(v => maker.LiveLike(photos, 2.7 - (0.3 * v))).ToArray();
        })];
}
