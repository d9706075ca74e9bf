using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Storage.CheckIns;
using Rollcall.Telegram.Updates;

namespace Rollcall.Telegram.StudentBot;

/// <summary>Registers the student conversation, its turn handler and stores (scoped to the turn), its router and command menu, the job queue and the verification workers.</summary>
public static class StudentBotSetup
{
    public static IServiceCollection AddStudentBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StudentBotOptions>().Bind(configuration);
        services.AddSingleton<StudentConversation>();
        services.AddScoped<ICheckInStore, CheckInStore>();
        services.AddScoped<IBotHandler<StudentState>, StudentBotHandler>();
        services.AddUpdateRouter<StudentState>(BotRole.Student);
        services.AddCommandMenu(BotRole.Student, StudentCommands.Table);
        services.TryAddSingleton<RollcallMetrics>();
        services.AddSingleton<VerificationQueue>();
        services.AddSingleton<VerificationStore>();
        services.AddSingleton<VideoNoteDownload>();
        services.AddSingleton<VideoNoteJudge>();
        services.AddHostedService<VerificationWorker>();
        return services;
    }
}
