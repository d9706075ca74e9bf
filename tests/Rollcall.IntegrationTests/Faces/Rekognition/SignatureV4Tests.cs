using System.Text;
using Rollcall.Faces.Rekognition;

namespace Rollcall.IntegrationTests.Faces.Rekognition;

/// <summary>Signature V4 against AWS's published test suite and a POST vector cross-checked with botocore's SigV4Auth.</summary>
public sealed class SignatureV4Tests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void GetVanilla_MatchesTheAwsTestSuite()
    {
        KeyValuePair<string, string>[] headers = [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")];

        var authorization = SignatureV4.Authorization("GET", "/", headers, [], Example, "us-east-1", "service", SignedAt);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            authorization);
    }

    [Fact]
    public void CompareFacesPost_MatchesBotocore()
    {
        // botocore 1.43 SigV4Auth (canonical_request, string_to_sign, signature) on the same request gives this signature.
        KeyValuePair<string, string>[] headers =
        [
            new("Content-Type", "application/x-amz-json-1.1"), new("Host", "rekognition.us-east-1.amazonaws.com"),
            new("X-Amz-Date", "20150830T123600Z"), new("X-Amz-Target", "RekognitionService.CompareFaces"),
        ];
        var body = Encoding.UTF8.GetBytes("""{"SimilarityThreshold":70,"SourceImage":{"Bytes":"AAEC"},"TargetImage":{"Bytes":"AwQF"}}""");

        var authorization = SignatureV4.Authorization("POST", "/", headers, body, Example, "us-east-1", "rekognition", SignedAt);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/rekognition/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, " +
            "Signature=d2d887967bf02798c07eb5ca2c509629e7ccbc1e76b2c0edc37b77b80dd7c8d2",
            authorization);
    }

    [Fact]
    public void Credentials_NeverPrintTheSecret() =>
        Assert.DoesNotContain(Example.SecretAccessKey, Example.ToString(), StringComparison.Ordinal);
}
