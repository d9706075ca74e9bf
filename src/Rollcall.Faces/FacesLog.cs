using Microsoft.Extensions.Logging;

namespace Rollcall.Faces;

/// <summary>Log messages of the face feature (event ids 4000-4999); ids and scores only, never embeddings or frames.</summary>
internal static partial class FacesLog
{
    [LoggerMessage(4000, LogLevel.Information, "Face models loaded from {Directory} in {ElapsedMs} ms (intra-op threads {Threads})")]
    public static partial void ModelsLoaded(ILogger logger, string directory, long elapsedMs, int threads);

    [LoggerMessage(4001, LogLevel.Information, "Verified student {StudentId}: {Decision}, similarity {Similarity}, in {ElapsedMs} ms")]
    public static partial void Verified(ILogger logger, string studentId, string decision, double? similarity, long elapsedMs);

    [LoggerMessage(4002, LogLevel.Debug, "Reference embedding for student {StudentId} computed from photo version {Version}")]
    public static partial void ReferenceComputed(ILogger logger, string studentId, string version);

    [LoggerMessage(4003, LogLevel.Warning, "Enrolled photo of student {StudentId} is unusable: {Reason}")]
    public static partial void BadReferencePhoto(ILogger logger, string studentId, string reason);

    [LoggerMessage(4004, LogLevel.Information, "No enrolled photo for student {StudentId}")]
    public static partial void NoPhoto(ILogger logger, string studentId);

    [LoggerMessage(4005, LogLevel.Warning, "Embedding cache failed for student {StudentId}; continuing without it")]
    public static partial void CacheFailed(ILogger logger, string studentId, Exception exception);
}
