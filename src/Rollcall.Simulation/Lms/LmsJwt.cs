using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Rollcall.Simulation.Lms;

/// <summary>Issues and checks the fake LMS's JWTs: HS256 or unsigned, with id/sub, exp and a revocation generation.</summary>
internal sealed class LmsJwt(LmsServerOptions options)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(string mentorId, string type, TimeSpan lifetime, int generation)
    {
        var now = options.Clock.GetUtcNow();
        var payload = new JsonObject
        {
            [options.MentorIdInSub ? "sub" : "id"] = mentorId,
            ["type"] = type,
            ["gen"] = generation,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (!options.OmitExpiry)
        {
            payload["exp"] = (now + lifetime).ToUnixTimeSeconds();
        }

        var header = new JsonObject { ["alg"] = options.SignTokens ? "HS256" : "none", ["typ"] = "JWT" };
        var unsigned = $"{Encode(header)}.{Encode(payload)}";
        return $"{unsigned}.{(options.SignTokens ? Sign(unsigned) : "")}";
    }

    /// <summary>The payload of a valid, unexpired token of the given type; null otherwise.</summary>
    public JsonObject? Validate(string token, string type, int generation)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || (options.SignTokens && !CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}")), Encoding.ASCII.GetBytes(parts[2]))))
        {
            return null;
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1])) as JsonObject;
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }

        var expired = payload?["exp"] is { } exp && options.Clock.GetUtcNow().ToUnixTimeSeconds() >= (long)exp;
        return payload is not null && !expired && (string?)payload["type"] == type && (int?)payload["gen"] == generation ? payload : null;
    }

    public static string MentorId(JsonObject payload) => (string?)payload["id"] ?? (string?)payload["sub"] ?? "";

    private static string Encode(JsonObject json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private string Sign(string unsigned) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned)));
}
