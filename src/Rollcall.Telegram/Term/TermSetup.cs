using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Ports;
using Rollcall.Storage.Term;

namespace Rollcall.Telegram.Term;

/// <summary>Registers attendance over a term in the bots: its options and stores, /history, /attendance, the exports and the warnings after a report.</summary>
public static class TermSetup
{
    public static IServiceCollection AddTerm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TermOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITermRecords, TermRecords>();
        services.AddSingleton<WarningStore>();
        services.AddSingleton<StudentAccounts>();
        services.AddSingleton<TermFiles>();
        services.AddSingleton<HistoryDesk>();
        services.AddSingleton<AttendanceDesk>();
        services.AddSingleton<TermWarnings>();
        return services;
    }
}
