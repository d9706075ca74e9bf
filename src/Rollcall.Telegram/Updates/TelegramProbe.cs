using Rollcall.Observability;
using Telegram.Bot;

namespace Rollcall.Telegram.Updates;

/// <summary>Ready when the bot's Bot API server answers getMe.</summary>
internal sealed class TelegramProbe(BotRole role, ITelegramBotClient bot) : IReadinessProbe
{
    public string Name => $"telegram ({role.ToString().ToLowerInvariant()} bot)";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await bot.GetMe(cancellationToken);
        return true;
    }
}
