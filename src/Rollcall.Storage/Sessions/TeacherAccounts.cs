using Rollcall.Lms;
using Rollcall.Ports;
using Rollcall.Storage.Entities;
using Rollcall.Storage.Teachers;

namespace Rollcall.Storage.Sessions;

/// <summary>The teacher bot's view of <see cref="TeacherStore"/>.</summary>
public sealed class TeacherAccounts(TeacherStore teachers) : ITeacherAccounts
{
    public async Task<TeacherAccount?> FindByTelegramUserAsync(long telegramUserId, CancellationToken cancellationToken) =>
        ToAccount(await teachers.FindByTelegramUserAsync(telegramUserId, cancellationToken));

    public async Task<TeacherAccount?> FindByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        ToAccount(await teachers.FindByPhoneAsync(phone, cancellationToken));

    public Task BindAsync(long teacherId, long telegramUserId, LmsCredentials credentials, CancellationToken cancellationToken) =>
        teachers.BindAsync(teacherId, telegramUserId, credentials, cancellationToken);

    private TeacherAccount? ToAccount(Teacher? teacher) => teacher switch
    {
        null => null,
        { LmsUsername: not null, PasswordSealed: not null } => teachers.PasswordOpens(teacher)
            ? new TeacherAccount(teacher.Id, teacher.Name, HasCredentials: true)
            : new TeacherAccount(teacher.Id, teacher.Name, HasCredentials: false, CredentialsUnreadable: true),
        _ => new TeacherAccount(teacher.Id, teacher.Name, HasCredentials: false),
    };
}
