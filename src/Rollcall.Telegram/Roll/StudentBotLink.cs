using Microsoft.Extensions.DependencyInjection;
using Rollcall.Telegram.Updates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Rollcall.Telegram.Roll;

/// <summary>The deep link that opens the student bot with a class code (t.me/&lt;student bot&gt;?start=CODE), from the bot's getMe.</summary>
public sealed class StudentBotLink([FromKeyedServices(BotRole.Student)] ITelegramBotClient bot)
{
    private string? _username;

    /// <summary>https://t.me/bot?start=123456, or null while Telegram cannot tell the student bot's name.</summary>
    public async Task<string?> ForCodeAsync(string code, CancellationToken cancellationToken)
    {
        if (_username is null)
        {
            try
            {
                _username = (await bot.GetMe(cancellationToken)).Username;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
            {
                return null;
            }
        }

        return _username is null ? null : $"https://t.me/{_username}?start={code}";
    }
}
