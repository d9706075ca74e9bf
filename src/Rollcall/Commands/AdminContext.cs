using Microsoft.Extensions.DependencyInjection;
using Rollcall.Configuration;
using Rollcall.Storage;

namespace Rollcall.Commands;

/// <summary>Settings, a migrated database and the stores, for the operator's one-shot commands.</summary>
internal static class AdminContext
{
    public static async Task<ServiceProvider?> OpenAsync(CancellationToken cancellationToken)
    {
        var configuration = StartupSettings.Load(Console.Error);
        if (configuration is null)
        {
            return null;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddStorage(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<RollcallDatabase>().MigrateAsync(cancellationToken);
        return services;
    }
}
