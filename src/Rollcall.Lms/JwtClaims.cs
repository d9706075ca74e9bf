using System.Buffers.Text;
using System.Text.Json;

namespace Rollcall.Lms;

/// <summary>Reads exp and id/sub from a JWT payload without checking the signature: the LMS checks it, Rollcall only schedules refreshes.</summary>
internal static class JwtClaims
{
    /// <summary>The expiry and mentor id of a token; null when it is not a readable JWT.</summary>
    public static (DateTimeOffset? ExpiresAt, string? MentorId)? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            DateTimeOffset? expiresAt = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            var mentorId = Text(root, "id") ?? Text(root, "sub");
            return (expiresAt, mentorId);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
