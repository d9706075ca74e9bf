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

    /// <summary>Why the teacher marks Dev present from the roll.</summary>
    public const string DevRemark = "in the lab annex on my errand, 200 m away";

    /// <summary>Who checks in at once: two honest check-ins, an impostor, one too far away and one with a wrong code.</summary>
    public static IReadOnlyList<(Student Student, StudentPlan Plan, string Role)> Plans(string kit)
    {
        var (asha, ben, chitra, dev, esha) = (Students[0], Students[1], Students[2], Students[3], Students[4]);
        return
        [
            (asha, InRoom(asha, [Note(kit, "asha")]), "checks in honestly"),
            (ben, InRoom(ben, [Note(kit, "ben")]), "checks in honestly"),
            (chitra, InRoom(chitra, [Note(kit, "esha"), Note(kit, "esha-2")]), "is Esha pretending to be Chitra (two attempts)"),
            (dev, new StudentPlan(dev.Id, null, Latitude + 0.0018, Longitude, 6, [Note(kit, "dev")]), "is 200 m away, outside the 50 m geofence"),
            (esha, new StudentPlan(esha.Id, "000000", Latitude, Longitude, 8, [Note(kit, "esha")]), "types a wrong class code"),
        ];
    }

    /// <summary>Farid comes in late and checks in honestly; the teacher marks him Late.</summary>
    public static (Student Student, StudentPlan Plan) Latecomer(string kit) => (Students[5], InRoom(Students[5], [Note(kit, "farid")]));

    private static byte[] Note(string kit, string name) => File.ReadAllBytes(Path.Combine(kit, name + ".mp4"));

    private static StudentPlan InRoom(Student s, IReadOnlyList<byte[]> notes) => new(s.Id, null, Latitude + 0.00012, Longitude, 8, notes);
}
