using Microsoft.Extensions.DependencyInjection;

namespace Rollcall.Telegram.Updates;

/// <summary>Sends notices through whichever bot they name: the teacher bot tells a student nothing, the student bot does.</summary>
public sealed class BotMessenger(IServiceProvider services)
{
    public async Task SendAsync(IEnumerable<Notice> notices, CancellationToken cancellationToken)
    {
        foreach (var notice in notices)
        {
            var sender = services.GetRequiredKeyedService<ReplySender>(notice.Bot);
            await sender.SendAsync(notice.ChatId, [notice.Reply], cancellationToken);
        }
    }
}
