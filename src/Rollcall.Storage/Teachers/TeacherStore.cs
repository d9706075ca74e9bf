using Microsoft.EntityFrameworkCore;
using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Sessions;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Teachers;

/// <summary>Teachers, their sealed LMS passwords and tokens.</summary>
public sealed class TeacherStore(RollcallDatabase database, SecretBox secrets, TimeProvider time) : ILmsTokenStore
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
        teacher.PasswordSealed = password is null ? teacher.PasswordSealed : secrets.Seal(password);
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
        teacher.PasswordSealed = secrets.Seal(credentials.Password);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LmsTokens?> FindTokensAsync(long teacherId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var row = await db.LmsTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TeacherId == teacherId, cancellationToken);
        return row is null
            ? null
            : new LmsTokens(secrets.Open(row.AccessSealed), row.AccessExpiresAt, secrets.Open(row.RefreshSealed), row.RefreshExpiresAt, row.MentorId);
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

        row.AccessSealed = secrets.Seal(tokens.AccessToken);
        row.AccessExpiresAt = tokens.AccessExpiresAt;
        row.RefreshSealed = secrets.Seal(tokens.RefreshToken);
        row.RefreshExpiresAt = tokens.RefreshExpiresAt;
        row.MentorId = tokens.MentorId;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LmsCredentials?> FindCredentialsAsync(long teacherId, CancellationToken cancellationToken)
    {
        var teacher = await FindAsync(teacherId, cancellationToken);
        return teacher is { LmsUsername: { } username, PasswordSealed: { } sealedPassword }
            ? new LmsCredentials(username, secrets.Open(sealedPassword))
            : null;
    }

    /// <summary>How many sealed secrets (passwords and tokens) there are, and how many the current key cannot open.</summary>
    public async Task<(int Sealed, int Unreadable)> CountUnreadableSecretsAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var passwords = await db.Teachers.AsNoTracking().Where(t => t.PasswordSealed != null).Select(t => t.PasswordSealed!).ToListAsync(cancellationToken);
        var tokens = await db.LmsTokens.AsNoTracking().Select(t => new[] { t.AccessSealed, t.RefreshSealed }).ToListAsync(cancellationToken);
        var all = passwords.Concat(tokens.SelectMany(t => t)).ToList();
        return (all.Count, all.Count(text => !CanOpen(text)));
    }

    private bool CanOpen(string sealedText)
    {
        try
        {
            secrets.Open(sealedText);
            return true;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
    }
}
