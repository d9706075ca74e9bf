using Rollcall.Commands.Demo;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Bench;

/// <summary>The enrolled faces of the class bench: the demo's people from shared/faces, each with a small pool of clips.</summary>
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

    public static IReadOnlyList<DemoCast.Student> People => DemoCast.Students;

    public static string EnrolledPhoto(string faces, int person) =>
        Path.Combine(faces, "people", People[person].Person, People[person].EnrolledPhoto);

    /// <summary>Live-like clips of each person from the photos not enrolled: [person][variant].</summary>
    public static byte[][][] Clips(SyntheticClips maker, string faces, int people, int perPerson) =>
        [.. People.Take(people).Select(p =>
        {
            var photos = p.OtherPhotos.Select(f => Path.Combine(faces, "people", p.Person, f)).ToList();
            return Enumerable.Range(0, perPerson).Select(v => maker.LiveLike(photos, 2.7 - (0.3 * v))).ToArray();
        })];
}
