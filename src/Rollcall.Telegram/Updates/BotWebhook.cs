using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// TELEGRAM_MODE=webhook: Telegram posts each bot's updates to WEBHOOK_URL/teacher and WEBHOOK_URL/student; the secret
/// header is checked as in Telegram.Bot's BotController example, then the update takes the same router as when polling.
/// </summary>
public static class BotWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The public URL Telegram posts one bot's updates to.</summary>
    public static Uri UrlOf(BotOptions options, BotRole role) =>
        new(options.WebhookUrl!.ToString().TrimEnd('/') + "/" + role.ToString().ToLowerInvariant());

    /// <summary>Maps the two webhook endpoints; does nothing unless TELEGRAM_MODE=webhook.</summary>
    public static IEndpointRouteBuilder MapBotWebhooks(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.Mode != "webhook")
        {
            return app;
        }

        foreach (var role in new[] { BotRole.Teacher, BotRole.Student })
        {
            app.MapPost(UrlOf(options, role).AbsolutePath, (HttpContext context, CancellationToken cancellationToken) =>
                ReceiveAsync(context, role, options.WebhookSecret!, cancellationToken));
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, BotRole role, string secret, CancellationToken cancellationToken)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(secret)))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is not null)
        {
            await context.RequestServices.GetRequiredKeyedService<IUpdateRouter>(role).HandleAsync(update, cancellationToken);
        }

        return Results.Ok();
    }
}

/// <summary>Registers each bot's webhook with Telegram at start-up, retrying with backoff until Telegram accepts.</summary>
public sealed class WebhookRegistration(
    BotRole role,
    ITelegramBotClient bot,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<WebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = BotWebhook.UrlOf(options.Value, role);
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await bot.SetWebhook(url.ToString(), secretToken: options.Value.WebhookSecret,
                    allowedUpdates: [global::Telegram.Bot.Types.Enums.UpdateType.Message, global::Telegram.Bot.Types.Enums.UpdateType.CallbackQuery],
                    cancellationToken: stoppingToken);
                UpdatesLog.WebhookSet(logger, role);
                return;
            }
            catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
            {
                var delay = BotPoller.Backoff(failures);
                UpdatesLog.WebhookNotSet(logger, role, delay, e);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
