using System.Text.Json.Nodes;

namespace Rollcall.Simulation.BotApi;

/// <summary>getUpdates and the webhook methods.</summary>
internal static partial class BotMethods
{
    // Telegram answers a long poll after at most about 50 seconds.
    private static readonly TimeSpan MaxLongPoll = TimeSpan.FromSeconds(50);

    private static async Task<JsonArray> GetUpdatesAsync(EmulatedBot bot, BotApiRequest request, CancellationToken cancellationToken)
    {
        if (bot.Webhook is not null)
        {
            throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, request.Long("timeout") ?? 0));
        return await bot.Updates.TakeAsync(
            request.Long("offset") ?? 0,
            limit,
            timeout < MaxLongPoll ? timeout : MaxLongPoll,
            request.StringList("allowed_updates"),
            cancellationToken);
    }

    private static async Task<JsonValue> SetWebhookAsync(BotApiEmulator emulator, EmulatedBot bot, BotApiRequest request)
    {
        var url = request.String("url");
        if (string.IsNullOrEmpty(url))
        {
            return await DeleteWebhookAsync(bot, request);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw BotApiError.BadRequest("bad webhook: Failed to resolve host");
        }

        var secret = request.String("secret_token");
        if (secret is not null && !System.Text.RegularExpressions.Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$"))
        {
            throw BotApiError.BadRequest("secret token contains unallowed characters");
        }

        if (request.Bool("drop_pending_updates"))
        {
            bot.Updates.DropAll();
        }

        if (bot.Webhook is { } old)
        {
            await old.DisposeAsync();
        }

        bot.Webhook = new WebhookDelivery(uri, secret, bot.Updates, emulator.WebhookClient, emulator.Clock);
        return JsonValue.Create(true);
    }

    private static async Task<JsonValue> DeleteWebhookAsync(EmulatedBot bot, BotApiRequest request)
    {
        if (bot.Webhook is { } old)
        {
            bot.Webhook = null;
            await old.DisposeAsync();
        }

        var secret = request.String("secret_token");
        if (secret is not null && !System.Text.RegularExpressions.Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$"))
        {
            throw BotApiError.BadRequest("secret token contains unallowed characters");
        }

        if (request.Bool("drop_pending_updates"))
        {
            bot.Updates.DropAll();
        }

        return JsonValue.Create(true);
    }

    private static JsonObject GetWebhookInfo(EmulatedBot bot)
    {
        var info = new JsonObject
        {
            ["url"] = bot.Webhook?.Url.ToString() ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = bot.Updates.PendingCount,
        };
        if (bot.Webhook?.LastError is { Message: { } message, At: { } at })
        {
            info["last_error_date"] = at.ToUnixTimeSeconds();
            info["last_error_message"] = message;
        }

        return info;
    }
}
