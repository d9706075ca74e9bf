using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Storage.Teachers;

namespace Rollcall.Storage.Roster;

/// <summary>
/// LMS_MODE=roster: teachers, batches, subjects and students live in Rollcall's own database
/// (`rollcall teachers add`, `rollcall roster import`); attendance is final once marked locally.
/// </summary>
public sealed class RosterGateway(RollcallDatabase database, SecretBox secrets) : ILmsGateway
{
    public async Task<LmsResult<string>> SignInAsync(long teacherId, LmsCredentials credentials, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var teacher = await db.Teachers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teacherId, cancellationToken);
        if (teacher is not { LmsUsername: { } username, PasswordSealed: { } sealedPassword }
            || !string.Equals(username, credentials.Username.Trim(), StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(OpenOrEmpty(sealedPassword, teacher.Id)), Encoding.UTF8.GetBytes(credentials.Password)))
        {
            return new LmsResult<string>.WrongCredentials();
        }

        return new LmsResult<string>.Ok(teacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<LmsResult<IReadOnlyList<BatchSubjects>>> GetPendingAsync(long teacherId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var pairs = await db.Roster.AsNoTracking().Select(r => new { r.Batch, r.Subject }).Distinct()
            .ToListAsync(cancellationToken);
        IReadOnlyList<BatchSubjects> batches = pairs
            .GroupBy(p => p.Batch, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BatchSubjects(g.Key, g.Select(p => p.Subject).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new LmsResult<IReadOnlyList<BatchSubjects>>.Ok(batches);
    }

    public async Task<LmsResult<IReadOnlyList<RosterStudent>>> GetRosterAsync(long teacherId, string batch, string subject, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        IReadOnlyList<RosterStudent> students = await db.Roster.AsNoTracking()
            .Where(r => r.Batch == batch && r.Subject == subject)
            .OrderBy(r => r.StudentId)
            .Select(r => new RosterStudent(r.StudentId, r.Name, r.Batch))
            .ToListAsync(cancellationToken);
        return new LmsResult<IReadOnlyList<RosterStudent>>.Ok(students);
    }

    /// <summary>The marks are the record: nothing to send.</summary>
    public Task<SubmissionOutcome> SubmitAsync(long teacherId, AttendanceSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionOutcome.Accepted);

    /// <summary>A password sealed with another key matches nothing: the operator sets it again with `rollcall teachers add`.</summary>
    private string OpenOrEmpty(string sealedPassword, long teacherId)
    {
        try
        {
            return secrets.Open(sealedPassword, TeacherSecrets.Password(teacherId));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return "";
        }
    }
}
