using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Faces.Onnx;
using Rollcall.IntegrationTests.Support;
using Rollcall.Ports;
using Rollcall.Simulation.BotApi;
using Rollcall.Simulation.Lms;
using Rollcall.Storage.Teachers;

namespace Rollcall.IntegrationTests.EndToEnd;

/// <summary>
/// The real host (real face engine, SQLite, LMS_MODE=http) against the fake LMS with <see cref="LmsSeed.Sample"/>, one
/// registered teacher and the students' ID photos enrolled from samples/faces.
/// </summary>
public sealed class LmsClassStack : IAsyncDisposable
{
    public const string TeacherName = "Dr Karimov";
    public const string TeacherPhone = "+998 90 123 45 67";
    public const string Email = "teacher@example.edu";
    public const string Password = "teach-pass";
    public const double Latitude = 41.311081;
    public const double Longitude = 69.240562;

    private LmsClassStack(LmsServer lms, RollcallTestHost host)
    {
        Lms = lms;
        Host = host;
    }

    public LmsServer Lms { get; }

    public RollcallTestHost Host { get; private set; }

    public EmulatedBot TeacherBot => Host.TeacherBot;

    public EmulatedBot StudentBot => Host.StudentBot;

    public BotApiEmulator Emulator => Host.Emulator;

    /// <summary>
    /// Starts the LMS and the host; <paramref name="photos"/> maps student IDs to the photo enrolled for them,
    /// <paramref name="settings"/> adds or overrides environment settings.
    /// </summary>
    public static async Task<LmsClassStack> StartAsync(FacesFixture faces, int otpSeconds = 600, int reportDelaySeconds = 0,
        IReadOnlyDictionary<string, string>? photos = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _ = faces.Engine;
        var lms = new LmsServer(LmsSeed.Sample);
        await lms.StartAsync(TestContext.Current.CancellationToken);
        var all = new Dictionary<string, string?>
        {
            ["LMS_MODE"] = "http",
            ["BASE_URL"] = lms.BaseUrl,
            ["LMS_CAMPUS"] = LmsSeed.Sample.Campus,
            ["FACE_MODELS_DIR"] = faces.ModelsDirectory,
            ["OTP_EXPIRY_SECONDS"] = otpSeconds.ToString(CultureInfo.InvariantCulture),
            ["REPORT_DELAY_SECONDS"] = reportDelaySeconds.ToString(CultureInfo.InvariantCulture),
            ["LOCATION_DISTANCE_LIMIT_METERS"] = "50",
            ["FACE_VERIFICATION_MAX_RETRIES"] = "1",
            ["VERIFY_WORKERS"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await RollcallTestHost.StartAsync(all);
        var stack = new LmsClassStack(lms, host);
        var ct = TestContext.Current.CancellationToken;
        await host.App.Services.GetRequiredService<TeacherStore>().UpsertAsync(TeacherName, TeacherPhone, null, null, ct);
        var store = host.App.Services.GetRequiredService<IPhotoStore>();
        foreach (var (studentId, photo) in photos ?? new Dictionary<string, string>())
        {
            await store.SaveAsync(studentId, await File.ReadAllBytesAsync(photo, ct), ct);
        }

        return stack;
    }

    /// <summary>The host's own face engine, for making clips.</summary>
    public FaceEngine FaceEngine => Host.App.Services.GetRequiredService<FaceEngine>();

    /// <summary>Stops the host and starts a new one on the same folder, database and emulator.</summary>
    public async Task RestartHostAsync() => Host = await Host.RestartAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Lms.DisposeAsync();
    }
}
