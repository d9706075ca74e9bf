using System.Globalization;
using Rollcall.Simulation.Lms;

namespace Rollcall.Simulation.Load;

/// <summary>One simulated student of a load class: ID, name, batch, and which enrolled person's face they have.</summary>
public sealed record LoadStudent(string StudentId, string Name, string Batch, int Person);

/// <summary>
/// A large class for the load test: N students in batches of at most <see cref="BatchSize"/>, each wearing the face of
/// one of a few enrolled people (round robin), so a handful of photos and clips serve hundreds of IDs.
/// </summary>
public sealed record LoadRoster(string Subject, IReadOnlyList<string> Batches, IReadOnlyList<LoadStudent> Students)
{
    public const int BatchSize = 100;

    public static LoadRoster Create(int students, int people, string subject = "Load Testing")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        var batchCount = (students + BatchSize - 1) / BatchSize;
        var batches = Enumerable.Range(1, batchCount).Select(b => $"LT-{b:00}").ToList();
        var list = new List<LoadStudent>(students);
        for (var i = 0; i < students; i++)
        {
            var id = $"LS-{i + 1:0000}";
            list.Add(new LoadStudent(id, "Student " + (i + 1).ToString(CultureInfo.InvariantCulture), batches[i % batchCount], i % people));
        }

        return new LoadRoster(subject, batches, list);
    }

    /// <summary>The fake LMS's data for this class: one teacher with every batch pending in the subject, and the students.</summary>
    public LmsSeed Seed(string email, string password, string mentorId, string campus) => new(
        [new LmsTeacher(email, password, mentorId, [.. Batches.Select(b => new LmsPending(b, Subject))])],
        [.. Students.Select(s => new LmsStudent(s.StudentId, s.Name, s.Batch))],
        campus);
}
