using Microsoft.Extensions.Configuration;
using Rollcall.Configuration;
using Rollcall.Telegram.Classroom;

namespace Rollcall.Tests.Configuration;

public sealed class DotEnvFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"rollcall-{Guid.NewGuid():N}.env");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void SeedEnvFile_LoadsWithQuotesCommentsAndExport()
    {
        File.WriteAllLines(_path,
        [
            "# seed deployment",
            "TEACHER_BOT_TOKEN=\"123:abc\"",
            "export STUDENT_BOT_TOKEN='456:def'",
            "MONGODB_URI=mongodb://localhost:27017",
            "OTP_EXPIRY_SECONDS=90 # shorter classes",
            "FACE_MATCH_THRESHOLD=72.5",
        ]);

        var values = DotEnvFile.Read(_path);

        Assert.Equal("123:abc", values["TEACHER_BOT_TOKEN"]);
        Assert.Equal("456:def", values["STUDENT_BOT_TOKEN"]);
        Assert.Equal("90", values["OTP_EXPIRY_SECONDS"]);
        Assert.Equal("72.5", values["FACE_MATCH_THRESHOLD"]);
    }

    [Fact]
    public void RealEnvironment_WinsOverTheFile()
    {
        File.WriteAllLines(_path, ["OTP_EXPIRY_SECONDS=90", "REPORT_DELAY_SECONDS=20"]);

        var configuration = RollcallConfiguration.Build(_path, new Dictionary<string, string?> { ["OTP_EXPIRY_SECONDS"] = "60" });
        var options = configuration.Get<ClassroomOptions>()!;

        Assert.Equal(60, options.OtpExpirySeconds);
        Assert.Equal(20, options.ReportDelaySeconds);
    }
}
