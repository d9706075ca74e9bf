using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rollcall.Storage;

namespace Rollcall;

/// <summary>Wires the features of `rollcall run` into one web host (bots, health and metrics).</summary>
internal static class RollcallHost
{
    public static WebApplication Build(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStorage(configuration);
        builder.Services.AddHostedService<DatabaseMigration>();
        Telegram.Updates.BotsSetup.AddBots(builder.Services, configuration);
        return builder.Build();
    }
}

/// <summary>Applies schema migrations before the other services start.</summary>
internal sealed class DatabaseMigration(RollcallDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
