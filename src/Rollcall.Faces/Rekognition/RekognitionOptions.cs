using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Faces.Rekognition;

/// <summary>AWS Rekognition settings, checked only with FACE_PROVIDER=rekognition.</summary>
public sealed class RekognitionOptions : IValidatableObject
{
    [ConfigurationKeyName("FACE_PROVIDER")]
    public string Provider { get; set; } = "local";

    [ConfigurationKeyName("AWS_REGION")]
    public string? Region { get; set; }

    [ConfigurationKeyName("AWS_ACCESS_KEY_ID")]
    public string? AccessKeyId { get; set; }

    [ConfigurationKeyName("AWS_SECRET_ACCESS_KEY")]
    public string? SecretAccessKey { get; set; }

    /// <summary>Another endpoint than https://rekognition.{AWS_REGION}.amazonaws.com/ (tests point it at a local stub).</summary>
    [ConfigurationKeyName("AWS_REKOGNITION_ENDPOINT_URL")]
    public Uri? EndpointUrl { get; set; }

    public bool IsEnabled => Provider == "rekognition";

    /// <summary>AWS_REKOGNITION_ENDPOINT_URL, else the regional endpoint (a method: the validator reads every property).</summary>
    public Uri Endpoint() => EndpointUrl ?? new Uri($"https://rekognition.{Region}.amazonaws.com/");

    public AwsCredentials Credentials => new(AccessKeyId ?? "", SecretAccessKey ?? "");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AccessKeyId))
        {
            yield return new ValidationResult("AWS_ACCESS_KEY_ID is required with FACE_PROVIDER=rekognition, e.g. AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", [nameof(AccessKeyId)]);
        }

        if (string.IsNullOrWhiteSpace(SecretAccessKey))
        {
            yield return new ValidationResult("AWS_SECRET_ACCESS_KEY is required with FACE_PROVIDER=rekognition (the key's secret)", [nameof(SecretAccessKey)]);
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            yield return new ValidationResult("AWS_REGION is required with FACE_PROVIDER=rekognition, e.g. AWS_REGION=eu-west-1", [nameof(Region)]);
        }

        if (EndpointUrl is not null && EndpointUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("AWS_REKOGNITION_ENDPOINT_URL must be an http(s) URL, e.g. http://127.0.0.1:4566", [nameof(EndpointUrl)]);
        }
    }
}
