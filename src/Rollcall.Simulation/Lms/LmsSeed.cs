namespace Rollcall.Simulation.Lms;

/// <summary>A teacher account of the fake LMS with the batch/subject pairs whose attendance is pending.</summary>
public sealed record LmsTeacher(string Email, string Password, string MentorId, IReadOnlyList<LmsPending> Pending);

/// <summary>One pending batch/subject pair of a teacher.</summary>
public sealed record LmsPending(string Batch, string Subject);

/// <summary>A student of a batch.</summary>
public sealed record LmsStudent(string StudentId, string Name, string Batch);

/// <summary>What the fake LMS knows at start: teachers, students and the campus name its API expects.</summary>
public sealed record LmsSeed(IReadOnlyList<LmsTeacher> Teachers, IReadOnlyList<LmsStudent> Students, string Campus = "Main Campus")
{
    /// <summary>Two teachers, three batches of three students: enough for a demo class and for tests.</summary>
    public static LmsSeed Sample { get; } = new(
        [
            new LmsTeacher("teacher@example.edu", "teach-pass", "M-1001", [new("B-101", "Python"), new("B-101", "SQL"), new("B-102", "Python")]),
            new LmsTeacher("second@example.edu", "second-pass", "M-1002", [new("B-201", "Networks")]),
        ],
        [
            new LmsStudent("ST-001", "Alice Karimova", "B-101"),
            new LmsStudent("ST-002", "Bobur Aliyev", "B-101"),
            new LmsStudent("ST-003", "Dilnoza Rashidova", "B-101"),
            new LmsStudent("ST-011", "Eldor Usmonov", "B-102"),
            new LmsStudent("ST-012", "Feruza Yusupova", "B-102"),
            new LmsStudent("ST-013", "Gulnora Saidova", "B-102"),
            new LmsStudent("ST-021", "Hasan Tursunov", "B-201"),
            new LmsStudent("ST-022", "Iroda Nazarova", "B-201"),
            new LmsStudent("ST-023", "Jamshid Qodirov", "B-201"),
        ]);
}
