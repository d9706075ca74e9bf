using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Storage.Receipts;
using Rollcall.Storage.Reviews;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Registers the teacher conversation, its turn handler, desks and stores (scoped to the turn), its router and the report scheduler.</summary>
public static class TeacherBotSetup
{
    public static IServiceCollection AddTeacherBot(this IServiceCollection services)
    {
        services.TryAddSingleton<OtpIssuer>();
        services.AddSingleton<ITeacherAccounts, TeacherAccounts>();
        services.AddSingleton<TeacherConversation>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<ReviewStore>();
        services.AddScoped<ReceiptLookup>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReceiptDesk>();
        services.AddScoped<IBotHandler<TeacherState>, TeacherBotHandler>();
        services.AddUpdateRouter<TeacherState>(BotRole.Teacher);
        services.AddSingleton<ReviewExpiry>();
        services.AddSingleton<ReportStore>();
        services.AddHostedService<ReportScheduler>();
        return services;
    }
}
