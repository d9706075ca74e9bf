using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;

namespace Rollcall.Tests.Configuration;

public sealed class SettingsCheckTests
{
    [Theory]
    [InlineData("OTP_EXPIRY_SECONDS", "abc", "OTP_EXPIRY_SECONDS must be a whole number, e.g. 120 (got 'abc')")]
    [InlineData("OTP_EXPIRY_SECONDS", "5", "OTP_EXPIRY_SECONDS must be 10-3600, e.g. 120")]
    [InlineData("LIVE_LOCATION_REQUIRED", "maybe", "LIVE_LOCATION_REQUIRED must be true or false, e.g. True (got 'maybe')")]
    [InlineData("DATABASE_URL", "mysql://x", "DATABASE_URL is neither sqlite:PATH nor a PostgreSQL URL, e.g. sqlite:data/rollcall.db or postgres://rollcall:secret@127.0.0.1:5432/rollcall")]
    [InlineData("VERIFY_WORKERS", "lots", "VERIFY_WORKERS must be auto or 1-64, e.g. auto (got 'lots')")]
    [InlineData("MEDIA_RETENTION", "forever", "MEDIA_RETENTION must be none or a duration such as 30m, 12h or 7d, e.g. none (got 'forever')")]
    [InlineData("HTTP_LISTEN", "8080", "HTTP_LISTEN must be ADDRESS:PORT, e.g. 127.0.0.1:8080 (got '8080')")]
    [InlineData("ATTENDANCE_LATE_COUNTS", "half", "ATTENDANCE_LATE_COUNTS must be attended or absent or excluded, e.g. attended (got 'half')")]
    [InlineData("ATTENDANCE_EXCUSED_COUNTS", "7", "ATTENDANCE_EXCUSED_COUNTS must be attended or absent or excluded, e.g. excluded")]
    [InlineData("ATTENDANCE_WARNING_PERCENT", "120", "ATTENDANCE_WARNING_PERCENT must be 0-100, e.g. 75")]
    [InlineData("ATTENDANCE_WARNING_MIN_SESSIONS", "0", "ATTENDANCE_WARNING_MIN_SESSIONS must be 1-1000, e.g. 5")]
    [InlineData("ATTENDANCE_WARNINGS", "yes", "ATTENDANCE_WARNINGS must be on or off, e.g. on (got 'yes')")]
    [InlineData("TERM_START", "July", "TERM_START must be a date (yyyy-MM-dd), e.g. 2026-07-01 (got 'July')")]
    [InlineData("ENROLMENT", "sometimes", "ENROLMENT must be admin or self, e.g. admin (got 'sometimes')")]
    [InlineData("ENROLMENT", "3", "ENROLMENT must be admin or self, e.g. admin")]
    public void BadValue_GivesOneLineNamingTheVariableAndAGoodValue(string name, string value, string expected)
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?> { [name] = value });

        Assert.Equal(expected, SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?>());

        Assert.Null(SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Fact]
    public void PostgresWithoutKey_IsRefused()
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgres://rollcall:pw@127.0.0.1:5432/rollcall",
        });

        Assert.StartsWith("ENCRYPTION_KEY is required with PostgreSQL", SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Fact]
    public void OneBotTokenWithoutTheOther_IsRefused()
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?> { ["TEACHER_BOT_TOKEN"] = "1:abc" });

        Assert.StartsWith("STUDENT_BOT_TOKEN is required", SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Theory]
    [InlineData("short-secret")]
    [InlineData("a secret with spaces and more than thirty-two characters")]
    [InlineData("secret/with+base64=characters-0123456789abc")]
    public void WeakOrMalformedWebhookSecret_IsRefused(string secret)
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?>
        {
            ["TELEGRAM_MODE"] = "webhook",
            ["WEBHOOK_URL"] = "https://rollcall.example.edu/telegram",
            ["WEBHOOK_SECRET"] = secret,
        });

        Assert.StartsWith("WEBHOOK_SECRET must be 32-256 characters of A-Z a-z 0-9 _ - (Telegram's alphabet), e.g. ",
            SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Fact]
    public void WebhookListenOnTheHttpListenPort_IsRefused()
    {
        var configuration = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?>
        {
            ["HTTP_LISTEN"] = "127.0.0.1:8080",
            ["WEBHOOK_LISTEN"] = "0.0.0.0:8080",
        });

        Assert.Equal("WEBHOOK_LISTEN must be ADDRESS:PORT on another port than HTTP_LISTEN, e.g. 0.0.0.0:8443 (got '0.0.0.0:8080')",
            SettingsCheck.FirstProblem(configuration, StartupSettings.OptionsTypes));
    }

    [Fact]
    public void ExplicitPollingMode_IsKnownApartFromTheDefault()
    {
        var stated = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?> { ["TELEGRAM_MODE"] = "polling" });
        var unset = RollcallConfiguration.Build("/nonexistent/.env", new Dictionary<string, string?>());

        Assert.True((stated.Get<Telegram.Updates.BotOptions>() ?? new()).PollingStated);
        Assert.False((unset.Get<Telegram.Updates.BotOptions>() ?? new()).PollingStated);
        Assert.Equal("polling", (unset.Get<Telegram.Updates.BotOptions>() ?? new()).EffectiveMode);
    }
}
