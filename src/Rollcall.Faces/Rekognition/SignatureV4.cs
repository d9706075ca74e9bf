using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rollcall.Faces.Rekognition;

/// <summary>AWS access keys; ToString never shows the secret.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}

/// <summary>AWS Signature Version 4 for a request without a query string: canonical request, string to sign, HMAC key chain.</summary>
public static class SignatureV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The x-amz-date value for <paramref name="time"/> (UTC, basic ISO 8601).</summary>
    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Authorization header value. <paramref name="headers"/> are the signed headers (host and x-amz-date among them);
    /// names are lower-cased and values trimmed here.
    /// </summary>
    public static string Authorization(
        string method, string path, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload,
        AwsCredentials credentials, string region, string service, DateTimeOffset time)
    {
        var amzDate = AmzDate(time);
        var date = amzDate[..8];
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            sorted[name.ToLowerInvariant()] = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var signedHeaders = string.Join(';', sorted.Keys);
        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(path.Length == 0 ? "/" : path).Append('\n')
            .Append('\n');
        foreach (var (name, value) in sorted)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(payload)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
