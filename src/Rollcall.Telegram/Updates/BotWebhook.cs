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
public static partial class BotWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// One bot's secret token: an HMAC of WEBHOOK_SECRET and the bot's role, in Telegram's alphabet (base64url), so the
    /// two bots never share a secret and a token seen for one bot cannot forge updates for the other.
    /// </summary>
    public static string SecretFor(BotOptions options, BotRole role) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret!), Encoding.UTF8.GetBytes("rollcall webhook " + role)));

    /// <summary>At least 32 characters (about 190 bits as hex), all in Telegram's secret_token alphabet.</summary>
    public static bool IsStrongSecret(string? secret) => secret is not null && SecretAlphabet().IsMatch(secret);

    /// <summary>A fresh secret to suggest in the setting's error line.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The public URL Telegram posts one bot's updates to.</summary>
    public static Uri UrlOf(BotOptions options, BotRole role) =>
        new(options.WebhookUrl!.ToString().TrimEnd('/') + "/" + role.ToString().ToLowerInvariant());

    /// <summary>Maps the two webhook endpoints; does nothing unless TELEGRAM_MODE=webhook.</summary>
    public static IEndpointRouteBuilder MapBotWebhooks(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        if (options.EffectiveMode != "webhook")
        {
            return app;
        }

        // The turn runs to its end on the host's stop token, not the request's: Telegram may drop a slow request, and the
        // turn it committed is deduplicated when redelivered, so its replies would be lost with the request (audit L9).
        var stopping = app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        foreach (var role in new[] { BotRole.Teacher, BotRole.Student })
        {
            var secret = SecretFor(options, role);
            app.MapPost(UrlOf(options, role).AbsolutePath, (Func<HttpContext, Task<IResult>>)(context => ReceiveAsync(context, role, secret, stopping)))
                .WithMetadata(WebhookEndpoint.Instance);
        }

        return app;
    }

    /// <summary>
    /// WEBHOOK_LISTEN: the webhook endpoints answer only on <paramref name="port"/>, and nothing else does, so /metrics
    /// and /readyz stay on HTTP_LISTEN when the webhook faces the internet. Runs after routing (WebApplication adds it first).
    /// </summary>
    public static IApplicationBuilder UseWebhookListener(this IApplicationBuilder app, int port) =>
        app.Use(async (context, next) =>
        {
            var isWebhook = context.GetEndpoint()?.Metadata.GetMetadata<WebhookEndpoint>() is not null;
            if (isWebhook != (context.Connection.LocalPort == port))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{32,256}$")]
    private static partial System.Text.RegularExpressions.Regex SecretAlphabet();

    /// <summary>Marks the webhook endpoints for <see cref="UseWebhookListener"/>.</summary>
    private sealed class WebhookEndpoint
    {
        public static readonly WebhookEndpoint Instance = new();
    }

    /// <summary>The chat's flood count, as when polling (audit M1): false when the update is dropped, after the one notice.</summary>
    private static async Task<bool> AdmitAsync(IServiceProvider services, BotRole role, Update update, CancellationToken cancellationToken)
    {
        if (InputReader.Read(update) is not { Input: not BotInput.NotPrivateChat } inbound)
        {
            return true;
        }

        var verdict = services.GetRequiredKeyedService<ChatFloodGate>(role).Count(inbound.ChatId);
        if (verdict == Hosting.FloodVerdict.DropAndTell)
        {
            await services.GetRequiredKeyedService<ReplySender>(role)
                .SendAsync(inbound.ChatId, [Reply.Text(Texts.TextKey.TooManyMessages)], cancellationToken);
        }

        return verdict == Hosting.FloodVerdict.Admit;
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
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is not null && await AdmitAsync(context.RequestServices, role, update, cancellationToken))
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
                await bot.SetWebhook(url.ToString(), secretToken: BotWebhook.SecretFor(options.Value, role),
                    allowedUpdates: BotPoller.Allowed,
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
