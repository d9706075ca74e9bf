using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rollcall.Telegram.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Rollcall.Telegram.Updates;

/// <summary>Registers a bot's command menu (setMyCommands) from its command table at start-up, retrying with backoff.</summary>
public sealed class CommandMenu(BotRole role, ITelegramBotClient bot, CommandTable table, TimeProvider time, ILogger<CommandMenu> logger)
    : BackgroundService
{
    private const int MaxTries = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BotCommand[] menu = [.. table.Commands.Select(c => new BotCommand(c.Name, BotTexts.Format(c.Description)))];
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await bot.SetMyCommands(menu, cancellationToken: stoppingToken);
                UpdatesLog.CommandsSet(logger, role, menu.Length);
                return;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
            {
                // The menu is a convenience: the bot works without it, so a few tries are enough.
                if (failures == MaxTries)
                {
                    UpdatesLog.CommandsNotSet(logger, role, e);
                    return;
                }

                await Task.Delay(BotPoller.Backoff(failures), time, stoppingToken);
            }
        }
    }
}
