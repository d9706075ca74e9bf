using System.Globalization;
using Rollcall.Attendance;

namespace Rollcall.Simulation.Term;

/// <summary>A student of a seeded term, and the share of sessions they tend to attend.</summary>
public sealed record SeededStudent(string StudentId, string Name, double Attendance, int FirstSession, int LastSession);

/// <summary>One seeded session: when, which batches, and each rostered student's mark (null: never checked in).</summary>
public sealed record SeededSession(Guid Id, string Subject, DateOnly Date, DateTimeOffset OpenedAt, IReadOnlyList<string> Batches,
    IReadOnlyDictionary<string, MarkStatus?> Marks);

/// <summary>
/// A term of attendance made up from a seed, for tests, the CLI and the bench: <c>sessions</c> sessions of one subject for
/// one batch of <c>students</c>, one a school day. Students attend between 55 % and 98 % of the time, so some fall
/// under 75 %; of those present some are late, of those away some are excused, refused or set absent, most never
/// checked in. The last student joins a quarter of the way in and the one before leaves at three quarters, so rosters
/// change. Around it, noise the queries must leave out: a second batch sharing every tenth session and a second subject.
/// </summary>
public sealed partial class SeededTerm
{
    public const string OtherBatch = "CS-B";
    public const string OtherSubject = "Maths";

    private SeededTerm(string batch, string subject, IReadOnlyList<SeededStudent> students, IReadOnlyList<SeededStudent> others,
        IReadOnlyList<SeededSession> sessions)
    {
        Batch = batch;
        Subject = subject;
        Students = students;
        OtherStudents = others;
        Sessions = sessions;
    }

    public string Batch { get; }

    public string Subject { get; }

    /// <summary>The batch's students, by student id.</summary>
    public IReadOnlyList<SeededStudent> Students { get; }

    /// <summary>The second batch, on every tenth session's roster.</summary>
    public IReadOnlyList<SeededStudent> OtherStudents { get; }

    /// <summary>Every session, the subject's and the noise, in the order held.</summary>
    public IReadOnlyList<SeededSession> Sessions { get; }

    /// <summary>The subject's sessions with the batch, in the order held.</summary>
    public IEnumerable<SeededSession> Held => Sessions.Where(s => s.Subject == Subject && s.Batches.Contains(Batch));

    public DateOnly FirstDay => Sessions.Min(s => s.Date);

    public DateOnly LastDay => Sessions.Max(s => s.Date);

    public static SeededTerm Create(int sessions = 200, int students = 60, string batch = "CS-A", string subject = "Python",
        DateOnly? firstDay = null, int seed = 15)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 1);
        var random = new Random(seed);
        var roster = Enumerable.Range(0, students).Select(i => new SeededStudent(
            $"T-{i + 1:000}",
            "Student " + (i + 1).ToString(CultureInfo.InvariantCulture),
            0.55 + (0.43 * i / Math.Max(1, students - 1)),
            i == students - 1 && students > 1 ? sessions / 4 : 0,
            i == students - 2 && students > 2 ? (sessions * 3 / 4) - 1 : sessions - 1)).ToList();
        var others = Enumerable.Range(0, 5).Select(i => new SeededStudent($"O-{i + 1:000}", "Other " + (i + 1), 0.9, 0, sessions - 1)).ToList();

        var list = new List<SeededSession>();
        var day = firstDay ?? new DateOnly(2026, 7, 1);
        for (var n = 0; n < sessions; n++)
        {
            day = NextSchoolDay(day, n == 0);
            var opened = new DateTimeOffset(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
            var withOthers = n % 10 == 0;
            var marks = new Dictionary<string, MarkStatus?>(StringComparer.Ordinal);
            foreach (var s in roster.Where(s => n >= s.FirstSession && n <= s.LastSession))
            {
                marks[s.StudentId] = Draw(random, s.Attendance);
            }

            if (withOthers)
            {
                foreach (var s in others)
                {
                    marks[s.StudentId] = Draw(random, s.Attendance);
                }
            }

            list.Add(new SeededSession(Guid.NewGuid(), subject, day, opened, withOthers ? [batch, OtherBatch] : [batch], marks));
            if (n % 10 == 5)
            {
                // The same batch in another subject, later that day.
                var maths = roster.Where(s => n >= s.FirstSession && n <= s.LastSession).ToDictionary(s => s.StudentId, _ => (MarkStatus?)MarkStatus.Present);
                list.Add(new SeededSession(Guid.NewGuid(), OtherSubject, day, opened.AddHours(2), [batch], maths));
            }
        }

        return new SeededTerm(batch, subject, roster, others, list);
    }

    /// <summary>
    /// A term written by hand: <paramref name="marks"/> holds one row per session (one a school day from
    /// <paramref name="firstDay"/>), each with one mark per student in the order of <paramref name="students"/>.
    /// </summary>
    public static SeededTerm Of(string batch, string subject, IReadOnlyList<(string StudentId, string Name)> students,
        IReadOnlyList<IReadOnlyList<MarkStatus?>> marks, DateOnly firstDay)
    {
        var roster = students.Select(s => new SeededStudent(s.StudentId, s.Name, 0, 0, marks.Count - 1)).ToList();
        var list = new List<SeededSession>();
        var day = firstDay;
        for (var n = 0; n < marks.Count; n++)
        {
            day = NextSchoolDay(day, n == 0);
            var row = roster.Select((s, i) => (s.StudentId, marks[n][i])).ToDictionary(p => p.StudentId, p => p.Item2, StringComparer.Ordinal);
            list.Add(new SeededSession(Guid.NewGuid(), subject, day, new DateTimeOffset(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero), [batch], row));
        }

        return new SeededTerm(batch, subject, roster, [], list);
    }

    private static DateOnly NextSchoolDay(DateOnly day, bool first)
    {
        var next = first ? day : day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static MarkStatus? Draw(Random random, double attendance)
    {
        if (random.NextDouble() < attendance)
        {
            return random.NextDouble() < 0.08 ? MarkStatus.Late : MarkStatus.Present;
        }

        return random.NextDouble() switch
        {
            < 0.15 => MarkStatus.Excused,
            < 0.25 => MarkStatus.Refused,
            < 0.35 => MarkStatus.Absent,
            _ => null,
        };
    }
}
