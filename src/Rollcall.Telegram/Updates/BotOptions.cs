using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;

namespace Rollcall.Telegram.Updates;

/// <summary>How the bots reach Telegram: tokens, API server, polling or webhook, timeouts, workers.</summary>
public sealed class BotOptions : IValidatableObject
{
    [ConfigurationKeyName("TEACHER_BOT_TOKEN")]
    [SettingExample("123456789:AAE-your-teacher-bot-token")]
    public string? TeacherBotToken { get; set; }

    [ConfigurationKeyName("STUDENT_BOT_TOKEN")]
    [SettingExample("987654321:AAF-your-student-bot-token")]
    public string? StudentBotToken { get; set; }

    [ConfigurationKeyName("TELEGRAM_API_BASE_URL")]
    [SettingExample("http://127.0.0.1:8081")]
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>polling or webhook; null (not set) is polling that leaves a webhook set elsewhere alone.</summary>
    [ConfigurationKeyName("TELEGRAM_MODE")]
    [SettingExample("polling")]
    public string? Mode { get; set; }

    [ConfigurationKeyName("WEBHOOK_URL")]
    [SettingExample("https://rollcall.example.edu/telegram")]
    public Uri? WebhookUrl { get; set; }

    /// <summary>Each bot's secret token is derived from it (<see cref="BotWebhook.SecretFor"/>), so the two bots never share one.</summary>
    [ConfigurationKeyName("WEBHOOK_SECRET")]
    [SettingExample("32 or more of A-Z a-z 0-9 _ -, e.g. from `openssl rand -hex 24`")]
    public string? WebhookSecret { get; set; }

    [ConfigurationKeyName("HTTP_TIMEOUT_SECONDS")]
    [Range(1, 600)]
    public int HttpTimeoutSeconds { get; set; } = 30;

    [ConfigurationKeyName("VERIFY_WORKERS")]
    [SettingExample("auto")]
    public string VerifyWorkers { get; set; } = "auto";

    /// <summary>Tries of one video note (crashes, hangs, faults of the engine) before it is parked and the teacher decides.</summary>
    [ConfigurationKeyName("VERIFY_MAX_TRIES")]
    [Range(1, 100)]
    public int MaxTries { get; set; } = 5;

    [ConfigurationKeyName("VERIFY_QUEUE_CAPACITY")]
    [Range(1, 100000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Updates one chat may send per CHAT_FLOOD_WINDOW_SECONDS before the rest are dropped (audit M1). A person stays well
    /// under it: a check-in is 5 updates over a minute, a teacher's sign-in and session about 9 plus one tap per batch, a
    /// 10-photo album 10 at once. Each admitted update earns a reply and Telegram takes about one message a second into one
    /// chat, so a flooder's answers stay near that rate (2 a second for one window at most) and wait out their own 429s.
    /// </summary>
    [ConfigurationKeyName("CHAT_FLOOD_MAX_UPDATES")]
    [Range(1, 1000)]
    public int FloodMaxUpdates { get; set; } = 20;

    [ConfigurationKeyName("CHAT_FLOOD_WINDOW_SECONDS")]
    [Range(1, 3600)]
    public int FloodWindowSeconds { get; set; } = 10;

    public Hosting.FloodLimits FloodLimits => new(FloodMaxUpdates, TimeSpan.FromSeconds(FloodWindowSeconds));

    public string EffectiveMode => Mode ?? "polling";

    /// <summary>The bots' HttpClient timeout: HTTP_TIMEOUT_SECONDS beyond the long poll Telegram holds open.</summary>
    public TimeSpan BotCallTimeout => TimeSpan.FromSeconds(HttpTimeoutSeconds + BotPoller.PollSeconds);

    /// <summary>The claims' leases from these timeouts and <paramref name="faceWork"/> (FACE_VIDEO_TIMEOUT_SECONDS).</summary>
    public Hosting.LeasePolicy Leases(TimeSpan faceWork) =>
        Hosting.LeasePolicy.Derive(TimeSpan.FromSeconds(HttpTimeoutSeconds), faceWork, ReplySender.WorstCase(BotCallTimeout))
            with
        { ReplyRow = Hosting.LeasePolicy.ReplyRowFor(BotCallTimeout) };

    /// <summary>Whether TELEGRAM_MODE=polling was said: only then may polling delete a webhook that is set.</summary>
    public bool PollingStated => Mode == "polling";

    public bool HasTokens => !string.IsNullOrWhiteSpace(TeacherBotToken) && !string.IsNullOrWhiteSpace(StudentBotToken);

    /// <summary>
    /// auto is 3 per core: a job also waits on Telegram (getFile, download, the reply) and the database, so one worker per core
    /// leaves the cores idle (bench class, 500 students on 2 cores: p95 9.2 s with 2 workers, 6.1 s with 3, 4.0 s with 4, 2.5 s with 6).
    /// </summary>
    public int Workers => int.TryParse(VerifyWorkers, out var n) ? n : 3 * Environment.ProcessorCount;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TeacherBotToken) != string.IsNullOrWhiteSpace(StudentBotToken))
        {
            var missing = string.IsNullOrWhiteSpace(TeacherBotToken) ? "TEACHER_BOT_TOKEN" : "STUDENT_BOT_TOKEN";
            yield return new($"{missing} is required when the other bot token is set, e.g. 123456789:AAE-your-bot-token");
        }

        if (Mode is not (null or "polling" or "webhook"))
        {
            yield return new($"TELEGRAM_MODE must be polling or webhook, e.g. polling (got '{Mode}')");
        }
        else if (Mode == "webhook" && (WebhookUrl is null || string.IsNullOrWhiteSpace(WebhookSecret)))
        {
            yield return new("WEBHOOK_URL and WEBHOOK_SECRET are required with TELEGRAM_MODE=webhook, e.g. WEBHOOK_URL=https://rollcall.example.edu/telegram");
        }
        else if (Mode == "webhook" && !BotWebhook.IsStrongSecret(WebhookSecret))
        {
            yield return new("WEBHOOK_SECRET must be 32-256 characters of A-Z a-z 0-9 _ - (Telegram's alphabet), e.g. " + BotWebhook.NewSecret());
        }

        if (VerifyWorkers != "auto" && (!int.TryParse(VerifyWorkers, out var n) || n is < 1 or > 64))
        {
            yield return new($"VERIFY_WORKERS must be auto or 1-64, e.g. auto (got '{VerifyWorkers}')");
        }
    }
}
