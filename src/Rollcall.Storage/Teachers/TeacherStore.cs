using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Sessions;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Teachers;

/// <summary>Teachers, their sealed LMS passwords and tokens.</summary>
public sealed partial class TeacherStore(RollcallDatabase database, SecretBox secrets, TimeProvider time, ILogger<TeacherStore> logger) : ILmsTokenStore
{
    /// <summary>Adds a teacher, or updates the one with the same phone; returns its id.</summary>
    public async Task<long> UpsertAsync(string name, string phone, string? username, string? password, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var key = PhoneNumber.Key(phone);
        var teacher = await db.Teachers.SingleOrDefaultAsync(t => t.PhoneKey == key, cancellationToken);
        if (teacher is null)
        {
            teacher = new Teacher { PhoneKey = key, CreatedAt = time.GetUtcNow() };
            db.Teachers.Add(teacher);
        }

        teacher.Name = name;
        teacher.Phone = PhoneNumber.Digits(phone);
        teacher.LmsUsername = username ?? teacher.LmsUsername;
        if (password is not null)
        {
            // The seal is bound to the row, so a new teacher gets its id first.
            if (teacher.Id == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            teacher.PasswordSealed = secrets.Seal(password, TeacherSecrets.Password(teacher.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return teacher.Id;
    }

    public async Task<Teacher?> FindByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var key = PhoneNumber.Key(phone);
        return await db.Teachers.AsNoTracking().SingleOrDefaultAsync(t => t.PhoneKey == key, cancellationToken);
    }

    public async Task<Teacher?> FindByTelegramUserAsync(long telegramUserId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Teachers.AsNoTracking().SingleOrDefaultAsync(t => t.TelegramUserId == telegramUserId, cancellationToken);
    }

    public async Task<Teacher?> FindAsync(long teacherId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Teachers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teacherId, cancellationToken);
    }

    public async Task<IReadOnlyList<Teacher>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.Teachers.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string phone, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var key = PhoneNumber.Key(phone);
        return await db.Teachers.Where(t => t.PhoneKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Links the Telegram account and stores the LMS credentials after a successful login.</summary>
    public async Task BindAsync(long teacherId, long telegramUserId, LmsCredentials credentials, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var teacher = await db.Teachers.SingleAsync(t => t.Id == teacherId, cancellationToken);
        teacher.TelegramUserId = telegramUserId;
        teacher.LmsUsername = credentials.Username;
        teacher.PasswordSealed = secrets.Seal(credentials.Password, TeacherSecrets.Password(teacherId));
        var refused = teacher.LmsRefusedAt is not null;
        teacher.LmsRefusedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        if (refused)
        {
            // Marks that waited for this sign-in go now, not after their backoff.
            var now = time.GetUtcNow();
            await db.Outbox.Where(o => o.TeacherId == teacherId && o.State == OutboxState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), cancellationToken);
        }
    }

    public async Task<LmsTokens?> FindTokensAsync(long teacherId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.LmsTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TeacherId == teacherId, cancellationToken);
        return row is not null
            && Open(row.AccessSealed, TeacherSecrets.AccessToken(teacherId), "LMS access token") is { } access
            && Open(row.RefreshSealed, TeacherSecrets.RefreshToken(teacherId), "LMS refresh token") is { } refresh
            ? new LmsTokens(access, row.AccessExpiresAt, refresh, row.RefreshExpiresAt, row.MentorId)
            : null;
    }

    public async Task SaveTokensAsync(long teacherId, LmsTokens tokens, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.LmsTokens.SingleOrDefaultAsync(t => t.TeacherId == teacherId, cancellationToken);
        if (row is null)
        {
            row = new LmsToken { TeacherId = teacherId };
            db.LmsTokens.Add(row);
        }

        row.AccessSealed = secrets.Seal(tokens.AccessToken, TeacherSecrets.AccessToken(teacherId));
        row.AccessExpiresAt = tokens.AccessExpiresAt;
        row.RefreshSealed = secrets.Seal(tokens.RefreshToken, TeacherSecrets.RefreshToken(teacherId));
        row.RefreshExpiresAt = tokens.RefreshExpiresAt;
        row.MentorId = tokens.MentorId;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LmsCredentials?> FindCredentialsAsync(long teacherId, CancellationToken cancellationToken)
    {
        var teacher = await FindAsync(teacherId, cancellationToken);
        return teacher is { LmsUsername: { } username, PasswordSealed: { } sealedPassword } && Open(sealedPassword, TeacherSecrets.Password(teacherId), "LMS password") is { } password
            ? new LmsCredentials(username, password)
            : null;
    }

    /// <summary>How many sealed secrets (passwords and tokens) there are, and how many the current keys cannot open.</summary>
    public async Task<(int Sealed, int Unreadable)> CountUnreadableSecretsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var passwords = await db.Teachers.AsNoTracking().Where(t => t.PasswordSealed != null)
            .Select(t => new { t.Id, t.PasswordSealed }).ToListAsync(cancellationToken);
        var tokens = await db.LmsTokens.AsNoTracking().Select(t => new { t.TeacherId, t.AccessSealed, t.RefreshSealed }).ToListAsync(cancellationToken);
        var all = passwords.Select(p => (p.PasswordSealed!, TeacherSecrets.Password(p.Id)))
            .Concat(tokens.SelectMany(t => new[] { (t.AccessSealed, TeacherSecrets.AccessToken(t.TeacherId)), (t.RefreshSealed, TeacherSecrets.RefreshToken(t.TeacherId)) }))
            .ToList();
        return (all.Count, all.Count(value => !CanOpen(value.Item1, value.Item2)));
    }

    public Task<IAsyncDisposable?> TryLockRenewalAsync(long teacherId, TimeSpan hold, CancellationToken cancellationToken) =>
        TokenRenewalLock.TryTakeAsync(database, teacherId, hold, cancellationToken);

    /// <summary>Whether the teacher's stored password opens with this instance's key (false after ENCRYPTION_KEY changed).</summary>
    public bool PasswordOpens(Teacher teacher) => teacher.PasswordSealed is { } sealedPassword && Open(sealedPassword, TeacherSecrets.Password(teacher.Id), "LMS password") is not null;

    /// <summary>
    /// The plaintext, or null when it was sealed with another key (or altered): the teacher signs in again, which
    /// seals it anew, instead of every call failing.
    /// </summary>
    private string? Open(string sealedText, SealedPlace place, string what)
    {
        if (CanOpen(sealedText, place, out var plaintext))
        {
            return plaintext;
        }

        LogUnreadable(logger, what, place.Row);
        return null;
    }

    private bool CanOpen(string sealedText, SealedPlace place) => CanOpen(sealedText, place, out _);

    private bool CanOpen(string sealedText, SealedPlace place, out string plaintext)
    {
        try
        {
            plaintext = secrets.Open(sealedText, place);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            plaintext = "";
            return false;
        }
    }

    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "The {What} of teacher {TeacherId} does not open with ENCRYPTION_KEY (sealed with another key?); the teacher must sign in again")]
    private static partial void LogUnreadable(ILogger logger, string what, long teacherId);
}
