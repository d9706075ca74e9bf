using System.Globalization;
using Rollcall.Telegram.Updates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Rollcall.Commands.Check;

/// <summary>Both tokens (getMe: each bot's name, and two different bots) and how each bot gets its updates (getWebhookInfo).</summary>
internal static class BotCheck
{
    private const string Part = "Telegram bots";
    private const string WebhookPart = "Telegram updates";

    public static async Task<IReadOnlyList<CheckRow>> RunAsync(BotOptions options, bool modeSaid, CancellationToken cancellationToken)
    {
        if (!options.HasTokens)
        {
            return [CheckRow.Failed(Part, "no TEACHER_BOT_TOKEN and STUDENT_BOT_TOKEN: `rollcall run` would play the demo",
                "create two bots with @BotFather (/newbot) and put their tokens in .env")];
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.HttpTimeoutSeconds) };
        var baseUrl = options.ApiBaseUrl?.ToString().TrimEnd('/');
        var teacher = new TelegramBotClient(new TelegramBotClientOptions(options.TeacherBotToken!, baseUrl), http);
        var student = new TelegramBotClient(new TelegramBotClientOptions(options.StudentBotToken!, baseUrl), http);
        var rows = new List<CheckRow>();
        var teacherId = await GetMeAsync(teacher, "teacher bot (TEACHER_BOT_TOKEN)", rows, cancellationToken);
        var studentId = await GetMeAsync(student, "student bot (STUDENT_BOT_TOKEN)", rows, cancellationToken);
        if (teacherId is null || studentId is null)
        {
            return rows;
        }

        if (teacherId == studentId)
        {
            return [CheckRow.Failed(Part, "both tokens belong to the same bot",
                "the teacher and the student bot must be two bots: create a second one with @BotFather (/newbot)")];
        }

        rows.Add(await WebhookAsync(teacher, BotRole.Teacher, options, modeSaid, cancellationToken));
        rows.Add(await WebhookAsync(student, BotRole.Student, options, modeSaid, cancellationToken));
        return rows;
    }

    private static async Task<long?> GetMeAsync(TelegramBotClient bot, string which, List<CheckRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            var me = await bot.GetMe(cancellationToken);
            rows.Add(CheckRow.Ok(Part, $"{which}: @{me.Username} ({me.FirstName})"));
            return me.Id;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            rows.Add(CheckRow.Failed(Part, $"{which}: Telegram refused the token ({e.ErrorCode} {e.Message})",
                "copy the token again from @BotFather (/mybots, API Token)"));
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
        {
            rows.Add(CheckRow.Failed(Part, $"{which}: the Bot API did not answer ({e.GetType().Name}: {e.Message})",
                "check the network and TELEGRAM_API_BASE_URL (empty for Telegram's own server)"));
        }

        return null;
    }

    private static async Task<CheckRow> WebhookAsync(TelegramBotClient bot, BotRole role, BotOptions options, bool modeSaid, CancellationToken cancellationToken)
    {
        var which = role.ToString().ToLowerInvariant() + " bot";
        try
        {
            var info = await bot.GetWebhookInfo(cancellationToken);
            var pending = string.Create(CultureInfo.InvariantCulture, $"{info.PendingUpdateCount} pending updates");
            var lastError = info.LastErrorMessage is { Length: > 0 } error
                ? string.Create(CultureInfo.InvariantCulture, $"; last error {info.LastErrorDate:yyyy-MM-dd HH:mm} UTC: {error}")
                : "";
            if (options.Mode == "polling")
            {
                return string.IsNullOrEmpty(info.Url)
                    ? CheckRow.Ok(WebhookPart, $"{which}: polling, {pending}")
                    : modeSaid
                        ? CheckRow.Warning(WebhookPart, $"{which}: a webhook is set ({info.Url}); polling removes it at start", "if another instance serves this bot by webhook, set TELEGRAM_MODE=webhook here too")
                        : CheckRow.Failed(WebhookPart, $"{which}: a webhook is set ({info.Url}) but TELEGRAM_MODE is not", "set TELEGRAM_MODE=webhook with WEBHOOK_URL, or TELEGRAM_MODE=polling to take the bot over from the webhook");
            }

            var expected = BotWebhook.UrlOf(options, role).ToString();
            if (string.IsNullOrEmpty(info.Url))
            {
                return CheckRow.Warning(WebhookPart, $"{which}: no webhook set yet ({pending})", "`rollcall run` registers " + expected);
            }

            return info.Url != expected
                ? CheckRow.Failed(WebhookPart, $"{which}: the webhook points at {info.Url}, not {expected}", "check WEBHOOK_URL; `rollcall run` re-registers it")
                : lastError.Length > 0
                    ? CheckRow.Warning(WebhookPart, $"{which}: webhook {info.Url}, {pending}{lastError}", "make sure Telegram reaches WEBHOOK_URL over HTTPS and it is forwarded to HTTP_LISTEN")
                    : CheckRow.Ok(WebhookPart, $"{which}: webhook {info.Url}, {pending}");
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException)
        {
            return CheckRow.Failed(WebhookPart, $"{which}: getWebhookInfo failed ({e.Message})", "check the network and TELEGRAM_API_BASE_URL");
        }
    }
}
