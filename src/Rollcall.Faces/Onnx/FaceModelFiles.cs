using System.Security.Cryptography;

namespace Rollcall.Faces.Onnx;

/// <summary>
/// The model files of faceplugin-face-recognition-js@0.0.1 with their SHA-256, taken from the tarball whose SHA-512
/// scripts/fetch-models.sh checks: a file changed on disk afterwards no longer matches.
/// </summary>
public static class FaceModelFiles
{
    public static readonly IReadOnlyList<(string File, string Sha256)> Expected =
    [
        ("fr_detect.onnx", "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854"),
        ("fr_landmark.onnx", "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258"),
        ("fr_feature.onnx", "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581"),
        ("fr_liveness.onnx", "afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d"),
        ("fr_eye.onnx", "1afcea006abc1ccac3c517022abde0aa092bed74ff3c9fe6878483ef9e6e38de"),
        ("fr_pose.onnx", "72d032ec941b7153bf8d3f2c03a4c165453cc7e63d479041ec7c6ef087e5839d"),
    ];

    /// <summary>The files of <paramref name="directory"/> that are missing or differ from the pinned checksums.</summary>
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(string directory, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (file, sha256) in Expected)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                problems.Add(file + " is missing");
                continue;
            }

            await using var stream = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (actual != sha256)
            {
                problems.Add(file + " differs from the pinned checksum");
            }
        }

        return problems;
    }
}
