using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Faces.Photos;

/// <summary>Where enrolled ID photos live, bound from PHOTO_STORE and the AWS_* variables.</summary>
public sealed class PhotoStoreOptions : IValidatableObject
{
    /// <summary>`folder:PATH` or `s3`.</summary>
    [ConfigurationKeyName("PHOTO_STORE")]
    [RegularExpression("^(folder:.+|s3)$", ErrorMessage = "PHOTO_STORE must be folder:PATH or s3, e.g. folder:data/photos")]
    public string Store { get; set; } = "folder:data/photos";

    [ConfigurationKeyName("AWS_S3_BUCKET")]
    public string? Bucket { get; set; }

    [ConfigurationKeyName("AWS_S3_PREFIX")]
    public string Prefix { get; set; } = "profile_pics/";

    [ConfigurationKeyName("AWS_REGION")]
    public string? Region { get; set; }

    /// <summary>An S3-compatible server (path-style addressing), e.g. a local s3rver or MinIO.</summary>
    [ConfigurationKeyName("AWS_S3_ENDPOINT_URL")]
    public Uri? EndpointUrl { get; set; }

    [ConfigurationKeyName("AWS_ACCESS_KEY_ID")]
    public string? AccessKeyId { get; set; }

    [ConfigurationKeyName("AWS_SECRET_ACCESS_KEY")]
    public string? SecretAccessKey { get; set; }

    public bool IsS3 => Store == "s3";

    public string Folder => Store.StartsWith("folder:", StringComparison.Ordinal) ? Store["folder:".Length..] : "data/photos";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsS3 && string.IsNullOrWhiteSpace(Bucket))
        {
            yield return new ValidationResult("AWS_S3_BUCKET is required with PHOTO_STORE=s3, e.g. AWS_S3_BUCKET=my-school-photos", [nameof(Bucket)]);
        }

        if (IsS3 && EndpointUrl is null && string.IsNullOrWhiteSpace(Region))
        {
            yield return new ValidationResult("AWS_REGION is required with PHOTO_STORE=s3, e.g. AWS_REGION=eu-west-1", [nameof(Region)]);
        }

        if (EndpointUrl is not null && EndpointUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("AWS_S3_ENDPOINT_URL must be an http(s) URL, e.g. http://127.0.0.1:4568", [nameof(EndpointUrl)]);
        }
    }
}
