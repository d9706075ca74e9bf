using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Privacy;

namespace Rollcall.Telegram.Privacy;

/// <summary>Registers /mydata and /forget: the student's data store and the desk, scoped to the turn.</summary>
public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<StudentDataStore>();
        services.AddScoped<PrivacyDesk>();
        return services;
    }
}
