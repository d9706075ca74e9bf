using Rollcall.Simulation.Classroom;

namespace Rollcall.Commands.Demo;

/// <summary>The demo's class: one teacher, six students enrolled from samples/demo (live people on video), and what each one does.</summary>
internal static class DemoCast
{
    public const string Batch = "CS-A";
    public const string Subject = "Python";
    public const string TeacherName = "Dr Rao";
    public const string TeacherPhone = "+91 98765 43210";
    public const string TeacherUsername = "rao@school.example";
    public const double Latitude = 12.97160;
    public const double Longitude = 77.59460;

    /// <summary>A student of the roster: ID, name, and the file name of their ID photo and video note in samples/demo.</summary>
    public sealed record Student(string Id, string Name, string Kit);

    public static readonly Student[] Students =
    [
        new("S-101", "Asha", "asha"),
        new("S-102", "Ben", "ben"),
        new("S-103", "Chitra", "chitra"),
        new("S-104", "Dev", "dev"),
        new("S-105", "Esha", "esha"),
        new("S-106", "Farid", "farid"),
    ];

    /// <summary>The enrolled ID photo of <paramref name="student"/> in the kit.</summary>
    public static string Photo(string kit, Student student) => Path.Combine(kit, student.Kit + ".jpg");

    /// <summary>Who does what: three honest check-ins, an impostor, one too far away and one with a wrong code.</summary>
    public static IReadOnlyList<(Student Student, StudentPlan Plan, string Role)> Plans(string kit)
    {
        byte[] Note(string name) => File.ReadAllBytes(Path.Combine(kit, name + ".mp4"));
        StudentPlan InRoom(Student s, IReadOnlyList<byte[]> notes) => new(s.Id, null, Latitude + 0.00012, Longitude, 8, notes);

        var (asha, ben, chitra, dev, esha, farid) = (Students[0], Students[1], Students[2], Students[3], Students[4], Students[5]);
        return
        [
            (asha, InRoom(asha, [Note("asha")]), "checks in honestly"),
            (ben, InRoom(ben, [Note("ben")]), "checks in honestly"),
            (chitra, InRoom(chitra, [Note("esha"), Note("esha-2")]), "is Esha pretending to be Chitra (two attempts)"),
            (dev, new StudentPlan(dev.Id, null, Latitude + 0.0018, Longitude, 6, [Note("dev")]), "is 200 m away, outside the 50 m geofence"),
            (esha, new StudentPlan(esha.Id, "000000", Latitude, Longitude, 8, [Note("esha")]), "types a wrong class code"),
            (farid, InRoom(farid, [Note("farid")]), "checks in honestly"),
        ];
    }
}
