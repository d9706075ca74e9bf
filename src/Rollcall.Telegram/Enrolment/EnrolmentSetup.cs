using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Enrolment;

namespace Rollcall.Telegram.Enrolment;

/// <summary>
/// Registers self-enrolment: ENROLMENT, the student's steps and the teacher's desk with their stores (scoped to the turn),
/// and, with ENROLMENT=self, the worker that examines the notes (it needs the face engine's IEnrolmentFaces).
/// </summary>
public static class EnrolmentSetup
{
    public static IServiceCollection AddEnrolment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrolmentOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EnrolmentConversation>();
        services.AddSingleton<EnrolmentQueue>();
        services.AddSingleton<EnrolmentJobs>();
        services.AddScoped<EnrolmentStore>();
        services.AddScoped<EnrolmentDecisions>();
        services.AddScoped<EnrolmentDesk>();
        if ((configuration.Get<EnrolmentOptions>() ?? new EnrolmentOptions()).SelfEnrolment)
        {
            services.AddHostedService<EnrolmentWorker>();
        }

        return services;
    }
}
