using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Simulation.Clips;

[assembly: AssemblyFixture(typeof(Rollcall.IntegrationTests.Support.FacesFixture))]

namespace Rollcall.IntegrationTests.Support;

/// <summary>One face engine and one clip folder for the whole test run; tests skip (or fail when CI=true) without the models.</summary>
public sealed class FacesFixture : IDisposable
{
    private readonly Lazy<FaceEngine?> engine;

    public FacesFixture()
    {
        ModelsDirectory = FaceEngine.FindModelsDirectory(Environment.GetEnvironmentVariable("FACE_MODELS_DIR"));
        engine = new Lazy<FaceEngine?>(() => ModelsDirectory is null ? null : new FaceEngine(ModelsDirectory));
        Clips = new VideoClips(this);
    }

    public static bool OnBuildServer => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string? ModelsDirectory { get; }

    public VideoClips Clips { get; }

    /// <summary>LIVENESS_MIN_MOTION for the tests whose notes are synthetic (see <see cref="SyntheticClips.MinMotion"/>).</summary>
    public const double SyntheticNotesMinMotion = SyntheticClips.MinMotion;

    public FaceOptions Options { get; } = new();

    /// <summary>The engine, or a skip (a failure on CI) naming the script that fetches the models.</summary>
    public FaceEngine Engine
    {
        get
        {
            Require(ModelsDirectory is not null, "face models not found: run `bash scripts/fetch-models.sh`");
            Require(TestFaces.Directory is not null, "samples/faces not found: run from the repository or set ROLLCALL_SAMPLES");
            return engine.Value!;
        }
    }

    public static void Require(bool condition, string reason)
    {
        if (condition)
        {
            return;
        }

        if (OnBuildServer)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public void Dispose()
    {
        if (engine.IsValueCreated)
        {
            engine.Value?.Dispose();
        }

        Clips.Dispose();

        // The run leaves no decoder child behind.
        Rollcall.Faces.Video.DecoderPool.StopAll();
    }
}
