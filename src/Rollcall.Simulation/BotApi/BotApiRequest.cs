using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rollcall.Simulation.BotApi;

/// <summary>A file part of a multipart upload.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Bytes);

/// <summary>The parameters of one Bot API call, read alike from a query, a JSON body, a form or a multipart upload.</summary>
internal sealed class BotApiRequest
{
    private readonly JsonObject _parameters;
    private readonly Dictionary<string, UploadedFile> _files;

    private BotApiRequest(JsonObject parameters, Dictionary<string, UploadedFile> files)
    {
        _parameters = parameters;
        _files = files;
    }

    /// <summary>The parameters as JSON, for the call log.</summary>
    public JsonObject Parameters => _parameters;

    public static async Task<BotApiRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject();
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.HasJsonContentType())
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            foreach (var (key, value) in body?.AsObject() ?? [])
            {
                parameters[key] = value?.DeepClone();
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }

        return new BotApiRequest(parameters, files);
    }

    public string? String(string name) => _parameters[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    public string RequireString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw BotApiError.BadRequest($"{name} is empty");

    public long? Long(string name) =>
        String(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    public double? Double(string name) =>
        String(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    public bool Bool(string name) => String(name) is "true" or "True" or "1";

    /// <summary>A JSON parameter, sent as JSON or (in forms and queries) as a JSON string.</summary>
    public JsonNode? Json(string name) => _parameters[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonNode.Parse(value.GetValue<string>()),
        var node => node,
    };

    /// <summary>The chat id: a number, or "@username" which the emulator does not know.</summary>
    public long ChatId() =>
        long.TryParse(RequireString("chat_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw BotApiError.ChatNotFound();

    /// <summary>An uploaded file: a part named after the parameter, or "attach://name"; null when a file id is given instead.</summary>
    public UploadedFile? Upload(string name)
    {
        if (_files.TryGetValue(name, out var direct))
        {
            return direct;
        }

        var value = String(name);
        if (value is not null && value.StartsWith("attach://", StringComparison.Ordinal))
        {
            return _files.TryGetValue(value["attach://".Length..], out var attached)
                ? attached
                : throw BotApiError.BadRequest($"file {value} not found in the request");
        }

        return null;
    }

    public IReadOnlyList<string>? StringList(string name) =>
        Json(name) is JsonArray array ? array.Select(item => item?.GetValue<string>() ?? "").ToList() : null;
}
