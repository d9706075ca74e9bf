using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rollcall.Telegram.Term;

/// <summary>Registers attendance over a term in the bots: its options, /history, /attendance, the exports and the warnings after a report.</summary>
public static class TermSetup
{
    public static IServiceCollection AddTerm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TermOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TermFiles>();
        services.AddSingleton<HistoryDesk>();
        services.AddSingleton<AttendanceDesk>();
        services.AddSingleton<TermWarnings>();
        return services;
    }
}
