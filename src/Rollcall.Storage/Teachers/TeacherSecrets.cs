using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rollcall.Secrets;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Teachers;

/// <summary>Where a teacher's sealed values live, and re-sealing them all with the current key (`rollcall keys rotate`).</summary>
public static class TeacherSecrets
{
    public static SealedPlace Password(long teacherId) => new("teachers", nameof(Teacher.PasswordSealed), teacherId);

    public static SealedPlace AccessToken(long teacherId) => new("lms_tokens", nameof(LmsToken.AccessSealed), teacherId);

    public static SealedPlace RefreshToken(long teacherId) => new("lms_tokens", nameof(LmsToken.RefreshSealed), teacherId);

    /// <summary>
    /// Re-seals every value not yet sealed with the current key in the current format. Each write is conditional on the
    /// value read, so a token a running instance renewed meanwhile is kept. Values that open with no key held are left
    /// as they are (their teachers sign in again) and counted.
    /// </summary>
    public static async Task<ResealReport> ResealAsync(RollcallDatabase database, SecretBox secrets, CancellationToken cancellationToken)
    {
        var report = new ResealReport();
        await using var db = database.CreateContext();
        var teachers = await db.Teachers.AsNoTracking().Where(t => t.PasswordSealed != null)
            .Select(t => new { t.Id, t.PasswordSealed }).ToListAsync(cancellationToken);
        foreach (var teacher in teachers)
        {
            var old = teacher.PasswordSealed!;
            if (Reseal(secrets, old, Password(teacher.Id), teacher.Id, report) is { } fresh)
            {
                await db.Teachers.Where(t => t.Id == teacher.Id && t.PasswordSealed == old)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.PasswordSealed, fresh), cancellationToken);
            }
        }

        var tokens = await db.LmsTokens.AsNoTracking().Select(t => new { t.TeacherId, t.AccessSealed, t.RefreshSealed }).ToListAsync(cancellationToken);
        foreach (var row in tokens)
        {
            if (Reseal(secrets, row.AccessSealed, AccessToken(row.TeacherId), row.TeacherId, report) is { } access)
            {
                await db.LmsTokens.Where(t => t.TeacherId == row.TeacherId && t.AccessSealed == row.AccessSealed)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.AccessSealed, access), cancellationToken);
            }

            if (Reseal(secrets, row.RefreshSealed, RefreshToken(row.TeacherId), row.TeacherId, report) is { } refresh)
            {
                await db.LmsTokens.Where(t => t.TeacherId == row.TeacherId && t.RefreshSealed == row.RefreshSealed)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RefreshSealed, refresh), cancellationToken);
            }
        }

        return report;
    }

    private static string? Reseal(SecretBox secrets, string sealedText, SealedPlace place, long teacherId, ResealReport report)
    {
        if (secrets.IsCurrent(sealedText))
        {
            report.AlreadyCurrent++;
            return null;
        }

        try
        {
            var fresh = secrets.Seal(secrets.Open(sealedText, place), place);
            report.Resealed++;
            return fresh;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            report.UnreadableTeachers.Add(teacherId);
            return null;
        }
    }
}

/// <summary>What `rollcall keys rotate` did.</summary>
public sealed class ResealReport
{
    public int Resealed { get; set; }

    public int AlreadyCurrent { get; set; }

    /// <summary>Teachers with a value no key opens: they sign in again.</summary>
    public SortedSet<long> UnreadableTeachers { get; } = [];
}
