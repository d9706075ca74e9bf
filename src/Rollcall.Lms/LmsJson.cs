using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rollcall.Lms;

/// <summary>
/// Reads LMS answers without trusting their shape: a member of anything but an object, or the text of anything but a
/// string or a number, is null instead of an exception.
/// </summary>
internal static class LmsJson
{
    private static readonly string[] ErrorStatuses = ["error", "fail", "failed", "failure"];

    public static JsonNode? Member(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? value : null;

    /// <summary>A string, or a number as text: some LMS versions send ids as numbers.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>A string only: tokens are never numbers.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// Why a 2xx answer to an attendance write is not an acceptance, or null when it is one: the LMS answers a JSON
    /// object, so an empty or HTML body (a proxy's login page), an array, or an object that reports an error is refused.
    /// </summary>
    public static string? WriteRefusal(JsonNode? body)
    {
        if (body is not JsonObject)
        {
            return body is null ? "no JSON body" : "JSON that is not an object";
        }

        var status = Member(body, "status");
        var failed = (Text(status) is { } text && ErrorStatuses.Contains(text, StringComparer.OrdinalIgnoreCase))
            || (status is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<int>(out var code) && code >= 400)
            || (Member(body, "success") is JsonValue success && success.GetValueKind() == JsonValueKind.False)
            || (Member(body, "error") is { } error && error.GetValueKind() is not (JsonValueKind.Null or JsonValueKind.False))
            || Member(body, "errors") is JsonArray { Count: > 0 } or JsonObject { Count: > 0 };
        return failed ? "an error in its body" : null;
    }
}
