using Rollcall.Faces;
using Rollcall.Faces.Onnx;
using Rollcall.Ports;

namespace Rollcall.Commands.Check;

/// <summary>
/// The photo store: how many ID photos it holds, whether a sample of them each shows one usable face, and which known
/// students have none (they would be told "no ID photo").
/// </summary>
internal static class PhotoCheck
{
    private const string Part = "ID photos";
    private const int Listed = 10;

    public static async Task<IReadOnlyList<CheckRow>> RunAsync(
        IPhotoStore store, string where, FaceEngine? engine, int minFacePixels, int sample, IReadOnlySet<string>? students, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids;
        try
        {
            ids = await store.ListAsync(cancellationToken);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or IOException or UnauthorizedAccessException)
        {
            return [CheckRow.Failed(Part, $"{where}: cannot be listed ({e.Message})", "check PHOTO_STORE, and for S3 the bucket, AWS_S3_PREFIX, region and credentials")];
        }

        if (ids.Count == 0)
        {
            return [CheckRow.Failed(Part, $"{where}: no ID photos", "`rollcall photos import DIR` with files named STUDENT_ID.jpg")];
        }

        var rows = new List<CheckRow> { await SampleAsync(store, where, engine, minFacePixels, ids, sample, cancellationToken) };
        if (students is { Count: > 0 })
        {
            var missing = students.Except(ids, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            rows.Add(missing.Count == 0
                ? CheckRow.Ok(Part, $"every one of the {students.Count} students seen has a photo")
                : CheckRow.Warning(Part, $"{missing.Count} of {students.Count} students have no ID photo: {Names(missing)}", "they cannot check in: `rollcall photos import DIR`"));
        }

        return rows;
    }

    private static async Task<CheckRow> SampleAsync(
        IPhotoStore store, string where, FaceEngine? engine, int minFacePixels, IReadOnlyList<string> ids, int sample, CancellationToken cancellationToken)
    {
        if (engine is null || sample <= 0)
        {
            return CheckRow.Ok(Part, $"{where}: {ids.Count} photos (not decoded: no local face models)");
        }

        // Spread over the whole list, so a sample also reaches photos imported last.
        var picked = Enumerable.Range(0, Math.Min(sample, ids.Count)).Select(i => ids[(int)((long)i * ids.Count / Math.Min(sample, ids.Count))]).ToList();
        var problems = new List<string>();
        foreach (var id in picked)
        {
            var photo = await store.FindAsync(id, cancellationToken);
            var failure = photo is null ? "gone while checking" : ReferenceFace.FromImage(engine, photo.Bytes, minFacePixels).Failure;
            if (failure is not null)
            {
                problems.Add($"{id} ({failure})");
            }
        }

        return problems.Count == 0
            ? CheckRow.Ok(Part, $"{where}: {ids.Count} photos; {picked.Count} sampled, each with one usable face")
            : CheckRow.Warning(Part, $"{where}: {ids.Count} photos; {problems.Count} of {picked.Count} sampled unusable: {Names(problems)}", "replace them with a clear photo of one face: `rollcall photos import DIR`");
    }

    private static string Names(List<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {items.Count - Listed} more" : "");
}
