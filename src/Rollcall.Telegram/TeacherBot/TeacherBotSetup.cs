using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Registers the teacher conversation, its handler and the report scheduler.</summary>
public static class TeacherBotSetup
{
    public static IServiceCollection AddTeacherBot(this IServiceCollection services)
    {
        services.TryAddSingleton<OtpIssuer>();
        services.AddSingleton<ITeacherAccounts, TeacherAccounts>();
        services.AddSingleton<ITeacherAlerts, TeacherAlerts>();
        services.AddSingleton<TeacherConversation>();
        services.AddSingleton<ReviewDesk>();
        services.AddSingleton<ReceiptDesk>();
        services.AddKeyedSingleton<IBotHandler, TeacherBotHandler>(BotRole.Teacher);
        services.AddSingleton<ReportStore>();
        services.AddHostedService<ReportScheduler>();
        return services;
    }
}
