using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Rollcall.Ports;
using Rollcall.Storage.Roster;

namespace Rollcall.Lms;

/// <summary>Registers the LMS: the HTTP gateway, or Rollcall's own roster.</summary>
public static class LmsSetup
{
    /// <summary>LMS_MODE, or when it is not set: http when BASE_URL is set, else the built-in roster.</summary>
    public static string ModeOf(string? lmsMode, bool hasBaseUrl) => lmsMode ?? (hasBaseUrl ? "http" : "roster");

    /// <summary>
    /// The <see cref="ILmsGateway"/> that LMS_MODE picks: <see cref="AddHttpLms"/>, or with roster the teachers, batches and
    /// students in Rollcall's own database (<see cref="RosterGateway"/>, needs AddStorage).
    /// </summary>
    public static IServiceCollection AddLms(this IServiceCollection services, IConfiguration configuration)
    {
        if (ModeOf(configuration["LMS_MODE"], !string.IsNullOrEmpty(configuration["BASE_URL"])) == "roster")
        {
            services.AddSingleton<ILmsGateway, RosterGateway>();
            return services;
        }

        return services.AddHttpLms(configuration);
    }

    /// <summary>The named HttpClient the gateway uses; its resilience options are named "{HttpClientName}-standard".</summary>
    public const string HttpClientName = "Rollcall.Lms";

    /// <summary>Adds <see cref="ILmsGateway"/> over HTTP; needs an <see cref="ILmsTokenStore"/> registered elsewhere.</summary>
    public static IServiceCollection AddHttpLms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LmsOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LmsTeacherState>();
        services.AddTransient<ILmsGateway, HttpLmsGateway>();

        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var timeout = provider.GetRequiredService<IOptions<LmsOptions>>().Value.HttpTimeout;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 3;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;

                // A teacher is waiting in a chat: retry quickly, and never repeat a POST or PUT (the outbox owns those).
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.Retry.DisableForUnsafeHttpMethods();
            });
        return services;
    }
}
