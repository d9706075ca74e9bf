using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rollcall.Faces.Rekognition;

/// <summary>What CompareFaces said: the best similarity (0-100) among matched faces, or why there is none.</summary>
public sealed record CompareFacesResult(double? Similarity, int UnmatchedFaces, bool NoFace)
{
    /// <summary>Why Rekognition refused the frame itself (too large, not an image): the note's fault, answered once, not retried.</summary>
    public string? BadImage { get; init; }
}

/// <summary>AWS Rekognition CompareFaces over HTTP (JSON 1.1 protocol), signed with Signature V4.</summary>
public sealed class RekognitionClient(IHttpClientFactory httpClients, RekognitionOptions options, TimeProvider time)
{
    /// <summary>The named HttpClient (its loggers removed).</summary>
    public const string HttpClientName = "rekognition";
    private const string Service = "rekognition";
    private const string Target = "RekognitionService.CompareFaces";
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.1");

    /// <summary>Compares the face in <paramref name="source"/> with the faces in <paramref name="target"/>; infrastructure errors throw.</summary>
    public async Task<CompareFacesResult> CompareFacesAsync(byte[] source, byte[] target, double threshold, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CompareFacesRequest(new ImageBytes(source), new ImageBytes(target), threshold), RekognitionJson.Default.CompareFacesRequest);
        var endpoint = options.Endpoint();
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.Add("X-Amz-Target", Target);
        request.Headers.Add("X-Amz-Date", SignatureV4.AmzDate(now));
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
        KeyValuePair<string, string>[] signed =
        [
            new("content-type", JsonType.MediaType!), new("host", host), new("x-amz-date", SignatureV4.AmzDate(now)), new("x-amz-target", Target),
        ];
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            SignatureV4.Authorization("POST", endpoint.AbsolutePath, signed, body, options.Credentials, options.Region!, Service, now));

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var result = JsonSerializer.Deserialize(json, RekognitionJson.Default.CompareFacesResponse)
                ?? throw new InvalidOperationException("Rekognition CompareFaces returned an empty body");
            var best = result.FaceMatches is { Count: > 0 } matches ? matches.Max(m => m.Similarity) : (double?)null;
            return new CompareFacesResult(best, result.UnmatchedFaces?.Count ?? 0, false);
        }

        var error = TryReadError(json);
        var type = error?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.First().Split(':')[0] : "";
        var message = error?.Message ?? error?.LowerMessage ?? "";

        // An image without a face is an answer, not a failure.
        if (type == "InvalidParameterException" && message.Contains("face", StringComparison.OrdinalIgnoreCase))
        {
            return new CompareFacesResult(null, 0, true);
        }

        if (type is "ImageTooLargeException" or "InvalidImageFormatException")
        {
            return new CompareFacesResult(null, 0, false) { BadImage = $"Rekognition refused the frame: {type}" };
        }

        // Ours (keys, rights, limits, an outage): never the student's attempt; retried later, not in a tight loop.
        throw new FaceEngineFaultException(FaceEngineFault.ProviderFailed, $"Rekognition CompareFaces failed: {(int)response.StatusCode} {type}: {message}",
            new HttpRequestException(message, null, response.StatusCode));
    }

    private static ErrorResponse? TryReadError(byte[] json)
    {
        try
        {
            return json.Length == 0 ? null : JsonSerializer.Deserialize(json, RekognitionJson.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record ImageBytes([property: JsonPropertyName("Bytes")] byte[] Bytes);

internal sealed record CompareFacesRequest(
    [property: JsonPropertyName("SourceImage")] ImageBytes SourceImage,
    [property: JsonPropertyName("TargetImage")] ImageBytes TargetImage,
    [property: JsonPropertyName("SimilarityThreshold")] double SimilarityThreshold);

internal sealed record CompareFacesMatch([property: JsonPropertyName("Similarity")] double Similarity);

internal sealed record CompareFacesResponse(
    [property: JsonPropertyName("FaceMatches")] List<CompareFacesMatch>? FaceMatches,
    [property: JsonPropertyName("UnmatchedFaces")] List<JsonElement>? UnmatchedFaces);

internal sealed record ErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("Message")] string? Message,
    [property: JsonPropertyName("message")] string? LowerMessage);

[JsonSerializable(typeof(CompareFacesRequest))]
[JsonSerializable(typeof(CompareFacesResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class RekognitionJson : JsonSerializerContext;
