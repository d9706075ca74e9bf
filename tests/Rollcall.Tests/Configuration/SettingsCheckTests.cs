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
    [InlineData("ATTENDANCE_CHALLENGE", "turn", "ATTENDANCE_CHALLENGE must be on or off, e.g. on (got 'turn')")]
    [InlineData("TERM_START", "July", "TERM_START must be a date (yyyy-MM-dd), e.g. 2026-07-01 (got 'July')")]
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
}
