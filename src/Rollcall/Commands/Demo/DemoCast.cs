using Rollcall.Simulation.Classroom;
using Rollcall.Simulation.Clips;

namespace Rollcall.Commands.Demo;

/// <summary>The demo's class: one teacher, six students enrolled with photos from shared/faces, and what each one does.</summary>
internal static class DemoCast
{
    public const string Batch = "CS-A";
    public const string Subject = "Python";
    public const string TeacherName = "Dr Rao";
    public const string TeacherPhone = "+91 98765 43210";
    public const string TeacherUsername = "rao@school.example";
    public const double Latitude = 12.97160;
    public const double Longitude = 77.59460;

    /// <summary>A student of the roster: ID, name, the person in shared/faces, the enrolled photo and the others.</summary>
    public sealed record Student(string Id, string Name, string Person, string EnrolledPhoto, string[] OtherPhotos);

    public static readonly Student[] Students =
    [
        new("S-101", "Asha", "person01", "img1.jpg", ["img2.jpg", "img6.jpg"]),
        new("S-102", "Ben", "person02", "img3.jpg", ["img55.jpg", "img53.jpg"]),
        new("S-103", "Chitra", "person03", "img8.jpg", ["img9.jpg", "img47.jpg"]),
        new("S-104", "Dev", "person04", "img13.jpg", ["img14.jpg", "img15.jpg"]),
        new("S-105", "Esha", "person05", "img62.jpg", ["img17.jpg", "img59.jpg"]),
        new("S-106", "Farid", "person10", "img26.jpg", ["img27.jpg", "img28.jpg"]),
    ];

    /// <summary>Who does what: three honest check-ins, an impostor, one too far away and one with a wrong code.</summary>
    public static IReadOnlyList<(Student Student, StudentPlan Plan, string Role)> Plans(string faces, SyntheticClips clips)
    {
        string Photo(Student s, string file) => Path.Combine(faces, "people", s.Person, file);
        byte[] Live(Student s) => clips.LiveLike(s.OtherPhotos.Select(f => Photo(s, f)).ToList());
        StudentPlan InRoom(Student s, IReadOnlyList<byte[]> notes) => new(s.Id, null, Latitude + 0.00012, Longitude, 8, notes);

        var (asha, ben, chitra, dev, esha, farid) = (Students[0], Students[1], Students[2], Students[3], Students[4], Students[5]);
        return
        [
            (asha, InRoom(asha, [Live(asha)]), "checks in honestly"),
            (ben, InRoom(ben, [Live(ben)]), "checks in honestly"),
            (chitra, InRoom(chitra, [Live(esha), Live(esha)]), "is Esha pretending to be Chitra (two attempts)"),
            (dev, new StudentPlan(dev.Id, null, Latitude + 0.0018, Longitude, 6, [Live(dev)]), "is 200 m away, outside the 50 m geofence"),
            (esha, new StudentPlan(esha.Id, "000000", Latitude, Longitude, 8, [Live(esha)]), "types a wrong class code"),
            (farid, InRoom(farid, [Live(farid)]), "checks in honestly"),
        ];
    }
}
