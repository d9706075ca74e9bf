using Rollcall.Observability;
using Telegram.Bot;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Ready when the bot's Bot API server answers getMe. The answer is kept for <see cref="CacheFor"/>, so a flood of
/// /readyz requests (the endpoint may face the internet beside the webhook) never becomes a flood of getMe calls.
/// </summary>
internal sealed class TelegramProbe(BotRole role, ITelegramBotClient bot, TimeProvider time) : IReadinessProbe
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (Task<bool> Check, long StartedAt)? _last;

    public string Name => $"telegram ({role.ToString().ToLowerInvariant()} bot)";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        Task<bool> check;
        lock (_gate)
        {
            if (_last is not { } last || time.GetElapsedTime(last.StartedAt) >= CacheFor)
            {
                _last = last = (GetMeAsync(), time.GetTimestamp());
            }

            check = last.Check;
        }

        return check.WaitAsync(cancellationToken);
    }

    /// <summary>One getMe shared by every caller in the window, on its own timeout rather than one caller's token.</summary>
    private async Task<bool> GetMeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        try
        {
            await bot.GetMe(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
