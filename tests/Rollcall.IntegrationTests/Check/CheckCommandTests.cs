using Rollcall.IntegrationTests.Support;
using Rollcall.Secrets;
using Telegram.Bot;

namespace Rollcall.IntegrationTests.Check;

/// <summary>`rollcall check` against the emulator, the LMS server and a real database, with each part broken in turn.</summary>
public sealed class CheckCommandTests(FacesFixture faces)
{
    [Fact]
    public async Task HealthyDeployment_IsReady_WithTheBotsBatchesAndPhotos()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(0, exit);
        Assert.Contains("teacher bot (TEACHER_BOT_TOKEN): @check_teacher_bot", output, StringComparison.Ordinal);
        Assert.Contains("student bot (STUDENT_BOT_TOKEN): @check_student_bot", output, StringComparison.Ordinal);
        Assert.Contains("teacher bot: polling, 0 pending updates", output, StringComparison.Ordinal);
        Assert.Contains("reachable, all", output, StringComparison.Ordinal);
        Assert.Contains("ENCRYPTION_KEY opens all 1 sealed secrets", output, StringComparison.Ordinal);
        Assert.Contains("teacher@example.edu signed in; 2 batches (B-101: Python, SQL; B-102: Python), 6 students", output, StringComparison.Ordinal);
        Assert.Contains("6 photos; 6 sampled, each with one usable face", output, StringComparison.Ordinal);
        Assert.Contains("every one of the 6 students seen has a photo", output, StringComparison.Ordinal);
        Assert.Contains("6 models, checksums match", output, StringComparison.Ordinal);
        Assert.Contains("TIME_ZONE Asia/Kolkata: now", output, StringComparison.Ordinal);
        Assert.Contains("(UTC+05:30)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_FailsNamingTheBotAndTheFix()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["STUDENT_BOT_TOKEN"] = "7100009:revoked-token";

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("student bot (STUDENT_BOT_TOKEN): Telegram refused the token (401", output, StringComparison.Ordinal);
        Assert.Contains("copy the token again from @BotFather", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneBotForBoth_Fails()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["STUDENT_BOT_TOKEN"] = bed.Settings["TEACHER_BOT_TOKEN"];

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("both tokens belong to the same bot", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookLeftSetWhilePolling_FailsUnlessPollingIsSaid()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(bed.Settings["TEACHER_BOT_TOKEN"]!, bed.Emulator.BaseUrl));
        await client.SetWebhook("https://other.example.edu/telegram/teacher", cancellationToken: TestContext.Current.CancellationToken);

        var (exit, output) = await bed.CheckAsync();
        bed.Settings["TELEGRAM_MODE"] = "polling";
        var (saidExit, saidOutput) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("teacher bot: a webhook is set (https://other.example.edu/telegram/teacher) but TELEGRAM_MODE is not", output, StringComparison.Ordinal);
        Assert.Equal(0, saidExit);
        Assert.Contains("polling removes it at start", saidOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_FailsWithoutShowingItsPassword()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["DATABASE_URL"] = "postgres://rollcall:db-secret-pw@127.0.0.1:1/rollcall";

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("PostgreSQL rollcall@127.0.0.1:1/rollcall: cannot connect", output, StringComparison.Ordinal);
        Assert.DoesNotContain("db-secret-pw", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedEncryptionKey_FailsBecauseTheSealedPasswordsNoLongerOpen()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["ENCRYPTION_KEY"] = EncryptionKey.Generate();

        var (exit, output) = await bed.CheckAsync(teacher: null);

        Assert.Equal(1, exit);
        Assert.Contains("ENCRYPTION_KEY opens 0 of 1 sealed secrets", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LmsDown_Fails()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        await bed.Lms.StopAsync(TestContext.Current.CancellationToken);

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("does not answer", output, StringComparison.Ordinal);
        Assert.Contains("check BASE_URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongStoredPassword_FailsTheRealSignIn()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        await bed.AddTeacherAsync("not-the-password");

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("the LMS refused teacher@example.edu's password", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableAndMissingPhotos_AreNamed()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        File.Copy(TestFaces.Couple, Path.Combine(bed.PhotoFolder, "ST-002.jpg"), overwrite: true);
        File.Delete(Path.Combine(bed.PhotoFolder, "ST-013.jpg"));

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(0, exit);
        Assert.Contains("5 photos; 1 of 5 sampled unusable: ST-002 (several faces)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 6 students have no ID photo: ST-013", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlteredModelFile_FailsItsChecksum()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        var models = Path.Combine(bed.Folder, "models");
        Directory.CreateDirectory(models);
        foreach (var file in Directory.EnumerateFiles(faces.ModelsDirectory!, "*.onnx"))
        {
            File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        }

        await using (var eye = File.OpenWrite(Path.Combine(models, "fr_eye.onnx")))
        {
            eye.Seek(100, SeekOrigin.Begin);
            eye.WriteByte(0x42);
        }

        bed.Settings["FACE_MODELS_DIR"] = models;

        var (exit, output) = await bed.CheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("fr_eye.onnx differs from the pinned checksum", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UtcTimeZone_IsAWarning()
    {
        _ = faces.Engine;
        await using var bed = await CheckBed.StartAsync();
        bed.Settings["TIME_ZONE"] = "UTC";

        var (exit, output) = await bed.CheckAsync(teacher: null);

        Assert.Equal(0, exit);
        Assert.Contains("set TIME_ZONE to the institute's zone", output, StringComparison.Ordinal);
    }
}
