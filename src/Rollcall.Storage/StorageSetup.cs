using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rollcall.Attendance;
using Rollcall.Observability;
using Rollcall.Ports;
using Rollcall.Secrets;
using Rollcall.Storage.Cleanup;
using Rollcall.Storage.Faces;
using Rollcall.Storage.Outbox;
using Rollcall.Storage.Teachers;

namespace Rollcall.Storage;

/// <summary>Registers the database, the secret box and the stores.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return DatabaseUrl.TryParse(options.DatabaseUrl, out var url, out var problem)
                ? new RollcallDatabase(url)
                : throw new InvalidOperationException($"DATABASE_URL {problem}");
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var (key, _) = SecretKeyFile.Resolve(options, sp.GetRequiredService<RollcallDatabase>().Url);
            return new SecretBox(key);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var (key, _) = SecretKeyFile.Resolve(options, sp.GetRequiredService<RollcallDatabase>().Url);
            return new ReceiptSigner(key);
        });
        services.AddSingleton<TeacherStore>();
        services.AddSingleton<ILmsTokenStore>(sp => sp.GetRequiredService<TeacherStore>());
        services.AddSingleton<IEmbeddingCache, EmbeddingCache>();
        services.AddSingleton<IReadinessProbe, DatabaseProbe>();
        return services;
    }

    /// <summary>
    /// The unit of work of a bot turn: one <see cref="RollcallDb"/> per DI scope. The update router opens a scope per turn
    /// (per attempt, under the execution strategy), so the stores the turn's handler gets share its context and the
    /// transaction that commits the state, the update id and the work rows together.
    /// </summary>
    public static IServiceCollection AddTurnContext(this IServiceCollection services)
    {
        services.TryAddScoped(sp => sp.GetRequiredService<RollcallDatabase>().CreateContext());
        return services;
    }

    public static IServiceCollection AddSessionCleanup(this IServiceCollection services, CleanupPolicy policy)
    {
        services.AddSingleton(policy);
        services.AddHostedService<SessionCleanup>();
        return services;
    }

    public static IServiceCollection AddOutboxRelay(this IServiceCollection services)
    {
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
