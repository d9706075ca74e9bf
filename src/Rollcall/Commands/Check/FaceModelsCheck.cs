using Rollcall.Faces;
using Rollcall.Faces.Onnx;

namespace Rollcall.Commands.Check;

/// <summary>The local face engine's model files: present and matching their pinned checksums.</summary>
internal static class FaceModelsCheck
{
    private const string Part = "Face models";

    public static async Task<CheckRow> RunAsync(FaceOptions options, CancellationToken cancellationToken)
    {
        var directory = FaceEngine.FindModelsDirectory(options.ModelsDirectory);
        if (directory is null)
        {
            return options.Provider == "rekognition"
                ? CheckRow.Warning(Part, "FACE_PROVIDER=rekognition; no local models, so ID photos are not checked here", "`bash scripts/fetch-models.sh` lets `rollcall check` and `photos import` check photos")
                : CheckRow.Failed(Part, "no models found" + (options.ModelsDirectory is null ? "" : " in FACE_MODELS_DIR=" + options.ModelsDirectory), "`bash scripts/fetch-models.sh` (needs npm), or set FACE_MODELS_DIR");
        }

        var problems = await FaceModelFiles.FindProblemsAsync(directory, cancellationToken);
        return problems.Count == 0
            ? CheckRow.Ok(Part, $"{directory}: {FaceModelFiles.Expected.Count} models, checksums match")
            : CheckRow.Failed(Part, $"{directory}: {string.Join("; ", problems)}", $"delete the models and fetch them again: `rm {directory}/*.onnx && bash scripts/fetch-models.sh`");
    }
}
