using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Storage;
using Rollcall.Storage.Teachers;

namespace Rollcall.Commands.Check;

/// <summary>
/// The LMS (or the built-in roster): reachable, and with --teacher a real sign-in, the teacher's batches and their students
/// (whom the photo check then looks for).
/// </summary>
internal static class LmsCheck
{
    private const string Part = "LMS";

    /// <summary>The rows, and the IDs of the students the check could see (null when it saw none).</summary>
    public static async Task<(IReadOnlyList<CheckRow> Rows, IReadOnlySet<string>? Students)> RunAsync(
        IServiceProvider services, bool databaseReady, string mode, Uri? baseUrl, TimeSpan timeout, string? teacherEmail,
        Func<string, string?> askPassword, CancellationToken cancellationToken)
    {
        var rows = new List<CheckRow>();
        HashSet<string>? students = null;
        if (mode == "roster" && !databaseReady)
        {
            return ([CheckRow.Warning(Part, "built-in roster (LMS_MODE=roster): not read, the database is not ready", "see the Database row")], null);
        }

        if (mode == "roster")
        {
            await using var db = services.GetRequiredService<RollcallDatabase>().CreateContext();
            students = (await db.Roster.Select(r => r.StudentId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var batches = await db.Roster.Select(r => r.Batch).Distinct().CountAsync(cancellationToken);
            rows.Add(students.Count == 0
                ? CheckRow.Failed(Part, "built-in roster (LMS_MODE=roster) is empty", "`rollcall roster import FILE.csv` (student_id,name,batch,subject), or set BASE_URL for your LMS")
                : CheckRow.Ok(Part, $"built-in roster: {students.Count} students in {batches} batches"));
        }
        else
        {
            rows.Add(await ReachableAsync(baseUrl!, timeout, cancellationToken));
        }

        if (teacherEmail is not null && !databaseReady)
        {
            rows.Add(CheckRow.Warning("LMS sign-in", "not tried: the database is not ready", "see the Database row"));
        }
        else if (teacherEmail is not null && rows[^1].Status != CheckStatus.Failed)
        {
            var (row, seen) = await SignInAsync(services, teacherEmail, askPassword, cancellationToken);
            rows.Add(row);
            students = mode == "roster" ? students : seen;
        }

        return (rows, students);
    }

    private static async Task<CheckRow> ReachableAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(baseUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return CheckRow.Ok(Part, $"{baseUrl.GetLeftPart(UriPartial.Authority)} answers (HTTP {(int)response.StatusCode} to GET BASE_URL)");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return CheckRow.Failed(Part, $"{baseUrl.GetLeftPart(UriPartial.Authority)} does not answer ({e.Message})", "check BASE_URL and that this machine reaches the LMS");
        }
    }

    private static async Task<(CheckRow Row, HashSet<string>? Students)> SignInAsync(
        IServiceProvider services, string email, Func<string, string?> askPassword, CancellationToken cancellationToken)
    {
        var part = "LMS sign-in";
        var teachers = services.GetRequiredService<TeacherStore>();
        var teacher = (await teachers.ListAsync(cancellationToken))
            .FirstOrDefault(t => string.Equals(t.LmsUsername, email, StringComparison.OrdinalIgnoreCase));
        if (teacher is null)
        {
            return (CheckRow.Failed(part, $"no teacher with the LMS email {email}", $"`rollcall teachers add --phone P --name N --username {email}`"), null);
        }

        var credentials = await teachers.FindCredentialsAsync(teacher.Id, cancellationToken);
        if (credentials is null && askPassword(email) is { Length: > 0 } typed)
        {
            credentials = new LmsCredentials(email, typed);
        }

        if (credentials is null)
        {
            return (CheckRow.Failed(part, $"{email} has no stored password (not signed in through the bot yet)", "run `rollcall check --teacher` in a terminal to type it"), null);
        }

        var lms = services.GetRequiredService<ILmsGateway>();
        var signIn = await lms.SignInAsync(teacher.Id, credentials, cancellationToken);
        if (signIn is not LmsResult<string>.Ok)
        {
            return (Refused(part, email, signIn is LmsResult<string>.Unavailable u ? u.Reason : null), null);
        }

        if (await lms.GetPendingAsync(teacher.Id, cancellationToken) is not LmsResult<IReadOnlyList<BatchSubjects>>.Ok { Value: var batches })
        {
            return (CheckRow.Failed(part, $"{email} signed in, but the LMS did not list the batches", "check the LMS's /attendance endpoint and LMS_CAMPUS"), null);
        }

        var students = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            foreach (var subject in batch.Subjects)
            {
                if (await lms.GetRosterAsync(teacher.Id, batch.Batch, subject, cancellationToken) is LmsResult<IReadOnlyList<RosterStudent>>.Ok { Value: var roster })
                {
                    students.UnionWith(roster.Select(s => s.StudentId));
                }
            }
        }

        var listed = string.Join("; ", batches.Select(b => $"{b.Batch}: {string.Join(", ", b.Subjects)}"));
        return batches.Count == 0
            ? (CheckRow.Warning(part, $"{email} signed in; no batches with pending attendance", "the teacher cannot open a session until the LMS lists a batch"), students)
            : (CheckRow.Ok(part, $"{email} signed in; {batches.Count} batches ({listed}), {students.Count} students"), students);
    }

    private static CheckRow Refused(string part, string email, string? unavailable) =>
        unavailable is null
            ? CheckRow.Failed(part, $"the LMS refused {email}'s password", "the teacher signs in again in the bot (/start) with the right password")
            : CheckRow.Failed(part, $"sign-in as {email} failed: {unavailable}", "check BASE_URL, JWT_LOGIN_ENDPOINT and the LMS's logs");
}
