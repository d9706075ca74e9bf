using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Rollcall.Faces.Onnx;

/// <summary>The local face models, loaded once for the process; every method is thread-safe.</summary>
public sealed class FaceEngine : IDisposable
{
    private readonly OnnxModel detectModel;
    private readonly OnnxModel landmarkModel;
    private readonly OnnxModel featureModel;
    private readonly OnnxModel livenessModel;
    private readonly OnnxModel eyeModel;
    private readonly OnnxModel? poseModel;
    private readonly FaceDetector detector;
    private readonly FaceLandmarker landmarker;
    private readonly FaceEmbedder embedder;
    private readonly LivenessModel liveness;
    private readonly EyeStateModel eyes;
    private readonly PoseModel? pose;

    public FaceEngine(string modelsDirectory, int intraOpThreads = 1)
    {
        OpenCvSettings.EnsureApplied();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Spinning threads make two intra-op threads 2.5x slower than one on a 2-core machine (spec/face-models.md).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        OnnxModel Load(string name) => new(Path.Combine(modelsDirectory, name + ".onnx"), options);
        detectModel = Load("fr_detect");
        landmarkModel = Load("fr_landmark");
        featureModel = Load("fr_feature");
        livenessModel = Load("fr_liveness");
        eyeModel = Load("fr_eye");
        poseModel = File.Exists(Path.Combine(modelsDirectory, "fr_pose.onnx")) ? Load("fr_pose") : null;
        detector = new FaceDetector(detectModel);
        landmarker = new FaceLandmarker(landmarkModel);
        embedder = new FaceEmbedder(featureModel);
        liveness = new LivenessModel(livenessModel);
        eyes = new EyeStateModel(eyeModel);
        pose = poseModel is null ? null : new PoseModel(poseModel);
    }

    public static int EmbeddingSize => FaceEmbedder.Dimensions;

    public bool HasPoseModel => pose is not null;

    /// <summary>The folder holding the models: the configured one, else `models` in the working directory or above the app.</summary>
    public static string? FindModelsDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasModels(configured) ? Path.GetFullPath(configured) : null;
        }

        if (HasModels("models"))
        {
            return Path.GetFullPath("models");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (HasModels(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Faces found in the image, highest detection score first.</summary>
    public void Detect(Mat bgr, List<FaceBox> faces) => detector.Detect(bgr, faces);

    public FaceLandmarks Landmarks(Mat bgr, in FaceBox box) => landmarker.Predict(bgr, box);

    /// <summary>The L2-normalised 512-d embedding; false when the face could not be aligned.</summary>
    public bool Embed(Mat bgr, FaceLandmarks landmarks, Span<float> embedding) => embedder.Embed(bgr, landmarks, embedding);

    /// <summary>Passive-model probability that the face is real.</summary>
    public float Liveness(Mat bgr, in FaceBox box) => liveness.RealProbability(bgr, box);

    public float EyesOpen(Mat bgr, FaceLandmarks landmarks) => eyes.OpenProbability(bgr, landmarks);

    /// <summary>Yaw in degrees from the pose model, or null when fr_pose.onnx is absent.</summary>
    public float? YawDegrees(Mat bgr, in FaceBox box) => pose?.YawDegrees(bgr, box);

    public void Dispose()
    {
        detectModel.Dispose();
        landmarkModel.Dispose();
        featureModel.Dispose();
        livenessModel.Dispose();
        eyeModel.Dispose();
        poseModel?.Dispose();
    }

    private static bool HasModels(string dir) =>
        File.Exists(Path.Combine(dir, "fr_detect.onnx")) && File.Exists(Path.Combine(dir, "fr_feature.onnx"));
}
