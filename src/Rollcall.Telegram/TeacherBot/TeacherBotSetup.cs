using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rollcall.Otp;
using Rollcall.Ports;
using Rollcall.Storage.Sessions;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.TeacherBot;

/// <summary>Registers the teacher conversation, its turn handler and session store (scoped to the turn) and its router and command menu.</summary>
public static class TeacherBotSetup
{
    public static IServiceCollection AddTeacherBot(this IServiceCollection services)
    {
        services.TryAddSingleton<OtpIssuer>();
        services.AddSingleton<ITeacherAccounts, TeacherAccounts>();
        services.AddSingleton<ITeacherAlerts, TeacherAlerts>();
        services.AddSingleton<TeacherConversation>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<IBotHandler<TeacherState>, TeacherBotHandler>();
        services.AddUpdateRouter<TeacherState>(BotRole.Teacher);
        services.AddCommandMenu(BotRole.Teacher, TeacherCommands.Table);
        return services;
    }
}
