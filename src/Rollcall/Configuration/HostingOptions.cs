using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration;
using Rollcall.Lms;

namespace Rollcall.Configuration;

/// <summary>Settings of the process itself: the health/metrics endpoint and the seed's retired MongoDB names.</summary>
public sealed class HostingOptions : IValidatableObject
{
    [ConfigurationKeyName("HTTP_LISTEN")]
    [SettingExample("127.0.0.1:8080")]
    public string HttpListen { get; set; } = "127.0.0.1:8080";

    [ConfigurationKeyName("LMS_MODE")]
    [SettingExample("roster")]
    public string? LmsMode { get; set; }

    [ConfigurationKeyName("BASE_URL")]
    [SettingExample("https://lms.example.edu/api/v1")]
    public Uri? LmsBaseUrl { get; set; }

    [ConfigurationKeyName("MONGODB_URI")]
    public string? MongoUri { get; set; }

    [ConfigurationKeyName("MONGODB_DATABASE")]
    public string? MongoDatabase { get; set; }

    /// <summary>http when BASE_URL is set, else the built-in roster.</summary>
    public string EffectiveLmsMode => LmsSetup.ModeOf(LmsMode, LmsBaseUrl is not null);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPEndPoint.TryParse(HttpListen, out var endpoint) || endpoint.Port == 0)
        {
            yield return new($"HTTP_LISTEN must be ADDRESS:PORT, e.g. 127.0.0.1:8080 (got '{HttpListen}')");
        }

        if (LmsMode is not (null or "http" or "roster"))
        {
            yield return new($"LMS_MODE must be http or roster, e.g. roster (got '{LmsMode}')");
        }
        else if (EffectiveLmsMode == "http" && LmsBaseUrl is null)
        {
            yield return new("BASE_URL is required with LMS_MODE=http, e.g. https://lms.example.edu/api/v1");
        }
    }
}
