using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rollcall.Configuration;
using Rollcall.Faces;
using Rollcall.Storage;

namespace Rollcall.Commands;

/// <summary>Settings, a migrated database and the stores, for the operator's one-shot commands.</summary>
internal static class AdminContext
{
    /// <param name="withFaces">The face engine and the photo store; <paramref name="withPhotos"/>: the photo store only.</param>
    public static async Task<ServiceProvider?> OpenAsync(CancellationToken cancellationToken, bool withFaces = false, bool withPhotos = false)
    {
        var configuration = StartupSettings.Load(Console.Error);
        if (configuration is null)
        {
            return null;
        }

        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddStorage(configuration);
        if (withFaces)
        {
            collection.AddFaces(configuration);
        }
        else if (withPhotos)
        {
            collection.AddPhotoStore(configuration);
        }

        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<RollcallDatabase>().MigrateAsync(cancellationToken);
        return services;
    }
}
