using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Lms;

/// <summary>Settings of the HTTP LMS, bound from the seed's variable names at the configuration root.</summary>
public sealed class LmsOptions : IValidatableObject
{
    [ConfigurationKeyName("BASE_URL")]
    [Required(ErrorMessage = "BASE_URL is required with LMS_MODE=http, e.g. https://lms.example/api/v1")]
    public Uri BaseUrl { get; set; } = null!;

    /// <summary>The login URL; <c>{BASE_URL}/login</c> when not set.</summary>
    [ConfigurationKeyName("JWT_LOGIN_ENDPOINT")]
    public Uri? LoginEndpoint { get; set; }

    /// <summary>The "location" value the LMS expects in its calls.</summary>
    [ConfigurationKeyName("LMS_CAMPUS")]
    [Required(ErrorMessage = "LMS_CAMPUS is required with LMS_MODE=http, e.g. Main Campus")]
    public string Campus { get; set; } = "";

    [ConfigurationKeyName("HTTP_TIMEOUT_SECONDS")]
    [Range(1, 600, ErrorMessage = "HTTP_TIMEOUT_SECONDS must be 1-600, e.g. 30")]
    public int HttpTimeoutSeconds { get; set; } = 30;

    [ConfigurationKeyName("LMS_CACHE_SECONDS")]
    [Range(0, 86_400, ErrorMessage = "LMS_CACHE_SECONDS must be 0-86400, e.g. 300")]
    public int CacheSeconds { get; set; } = 300;

    /// <summary>What the LMS records for a Late mark: 1 (present) or 0 (absent), the values its API takes.</summary>
    [ConfigurationKeyName("LMS_STATUS_LATE")]
    [Range(0, 1, ErrorMessage = "LMS_STATUS_LATE must be 0 or 1 (the values the LMS's attendance API takes), e.g. 1")]
    public int StatusLate { get; set; } = 1;

    /// <summary>What the LMS records for an Excused mark.</summary>
    [ConfigurationKeyName("LMS_STATUS_EXCUSED")]
    [Range(0, 1, ErrorMessage = "LMS_STATUS_EXCUSED must be 0 or 1 (the values the LMS's attendance API takes), e.g. 0")]
    public int StatusExcused { get; set; }

    public LmsStatus Statuses => new(StatusLate, StatusExcused);

    public TimeSpan HttpTimeout => TimeSpan.FromSeconds(HttpTimeoutSeconds);

    public TimeSpan CacheDuration => TimeSpan.FromSeconds(CacheSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsHttp(BaseUrl))
        {
            yield return new ValidationResult("BASE_URL must be an absolute http(s) URL, e.g. https://lms.example/api/v1", [nameof(BaseUrl)]);
        }

        if (LoginEndpoint is not null && !IsHttp(LoginEndpoint))
        {
            yield return new ValidationResult("JWT_LOGIN_ENDPOINT must be an absolute http(s) URL, e.g. https://lms.example/api/v1/login", [nameof(LoginEndpoint)]);
        }
    }

    private static bool IsHttp(Uri? uri) => uri is { IsAbsoluteUri: true, Scheme: "http" or "https" };
}
