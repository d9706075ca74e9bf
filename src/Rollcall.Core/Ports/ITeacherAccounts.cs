using Rollcall.Lms;

namespace Rollcall.Ports;

/// <summary>Registered teachers as the teacher bot sees them.</summary>
public interface ITeacherAccounts
{
    Task<TeacherAccount?> FindByTelegramUserAsync(long telegramUserId, CancellationToken cancellationToken);

    Task<TeacherAccount?> FindByPhoneAsync(string phone, CancellationToken cancellationToken);

    /// <summary>Links the Telegram account and stores the credentials (sealed) after a successful LMS login.</summary>
    Task BindAsync(long teacherId, long telegramUserId, LmsCredentials credentials, CancellationToken cancellationToken);
}

/// <summary>
/// A teacher: id, name, whether usable LMS credentials are stored, and whether stored ones no longer open
/// (ENCRYPTION_KEY changed), so the teacher must sign in again.
/// </summary>
public sealed record TeacherAccount(long Id, string Name, bool HasCredentials, bool CredentialsUnreadable = false);
