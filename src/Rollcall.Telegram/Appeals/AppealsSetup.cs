using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Appeals;

namespace Rollcall.Telegram.Appeals;

/// <summary>Registers appeals: APPEAL_HOURS, the store and the decisions (scoped to the turn), and the desk both bots use.</summary>
public static class AppealsSetup
{
    public static IServiceCollection AddAppeals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppealOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AppealStore>();
        services.AddScoped<AppealDecisions>();
        services.AddScoped<AppealDesk>();
        return services;
    }
}
