using Microsoft.Extensions.DependencyInjection;
using Rollcall.Storage.Reviews;

namespace Rollcall.Telegram.Review;

/// <summary>Registers the teacher's review of grey-band check-ins: its store and desk (scoped to the turn) and the report's deadline.</summary>
public static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewStore>();
        services.AddScoped<ReviewDesk>();
        services.AddSingleton<ReviewExpiry>();
        return services;
    }
}
