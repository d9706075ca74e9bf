using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rollcall.Ports;
using Rollcall.Storage.Teachers;
using Rollcall.Telegram.Texts;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Alerts from background work, sent through the teacher bot to the teacher's own chat.</summary>
public sealed class TeacherAlerts(
    TeacherStore teachers,
    [FromKeyedServices(BotRole.Teacher)] ReplySender sender,
    ILogger<TeacherAlerts> logger) : ITeacherAlerts
{
    public async Task LmsRefusedAsync(long teacherId, string batch, string subject, DateOnly date, CancellationToken cancellationToken)
    {
        if (await teachers.FindAsync(teacherId, cancellationToken) is not { TelegramUserId: { } chatId })
        {
            TeacherBotLog.NoChatToAlert(logger, teacherId);
            return;
        }

        await sender.SendAsync(chatId, [Reply.Text(TextKey.LmsRefusesMarks, batch, subject, date)], cancellationToken);
    }
}
