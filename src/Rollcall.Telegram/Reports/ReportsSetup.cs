using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Sessions;

namespace Rollcall.Telegram.Reports;

/// <summary>Registers the teacher's report: its store and the scheduler that sends each report once it is due.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportStore>();
        services.AddHostedService<ReportScheduler>();
        return services;
    }
}
