using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rollcall.Otp;
using Rollcall.Storage.Marks;
using Rollcall.Storage.Roll;

namespace Rollcall.Telegram.Roll;

/// <summary>
/// Registers the live roll: the session message and its link, the roll's desk and conversation steps, /sessions and
/// /report, the teacher's marks (scoped to the turn) and the background editor of session messages.
/// </summary>
public static class RollSetup
{
    public static IServiceCollection AddRoll(this IServiceCollection services)
    {
        services.TryAddSingleton<OtpIssuer>();
        services.AddSingleton<StudentBotLink>();
        services.AddSingleton<LiveRollStore>();
        services.AddSingleton<SessionMessages>();
        services.AddScoped<RollStore>();
        services.AddScoped<TeacherMarks>();
        services.AddScoped<RollDesk>();
        services.AddScoped<RollConversation>();
        services.AddScoped<SessionsDesk>();
        services.AddHostedService<LiveRoll>();
        return services;
    }
}
